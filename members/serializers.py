"""What the directory API shows of a member who consented, and its filters."""

from rest_framework import serializers

from tenants.vocabulary import Profession


class DirectoryFiltersSerializer(serializers.Serializer):
    profession = serializers.ChoiceField(choices=Profession.choices, required=False)
    commune = serializers.RegexField(r"^(\d{5}|2[AB]\d{3})$", required=False, help_text="Code INSEE.")


class DirectoryMemberSerializer(serializers.Serializer):
    """Only what the member agreed to show: never the e-mail, RPPS, address or decisions."""

    name = serializers.CharField()
    kind = serializers.CharField()
    profession = serializers.CharField()
    profession_label = serializers.CharField(source="get_profession_display")
    structure = serializers.CharField()
    commune = serializers.CharField(source="commune_id")
    commune_name = serializers.CharField(source="commune.name")
    contact = serializers.CharField(source="directory_contact")
