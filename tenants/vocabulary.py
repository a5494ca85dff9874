"""Words shared by every CPTS and the federation: ACI missions and health professions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Mission(models.TextChoices):
    ACCESS_TO_CARE = "access_to_care", _("Accès aux soins")
    CARE_PATHWAYS = "care_pathways", _("Parcours pluriprofessionnels")
    PREVENTION = "prevention", _("Prévention")
    HEALTH_CRISES = "health_crises", _("Réponse aux crises sanitaires")
    QUALITY = "quality", _("Qualité et pertinence des soins")
    PROFESSIONAL_SUPPORT = "professional_support", _("Accompagnement des professionnels")


CORE_MISSIONS = (Mission.ACCESS_TO_CARE, Mission.CARE_PATHWAYS, Mission.PREVENTION, Mission.HEALTH_CRISES)
OPTIONAL_MISSIONS = (Mission.QUALITY, Mission.PROFESSIONAL_SUPPORT)


class Profession(models.TextChoices):
    GENERAL_PRACTITIONER = "general_practitioner", _("Médecin généraliste")
    SPECIALIST = "specialist", _("Médecin spécialiste")
    PHARMACIST = "pharmacist", _("Pharmacien")
    NURSE = "nurse", _("Infirmier")
    PHYSIOTHERAPIST = "physiotherapist", _("Masseur-kinésithérapeute")
    MIDWIFE = "midwife", _("Sage-femme")
    DENTIST = "dentist", _("Chirurgien-dentiste")
    SPEECH_THERAPIST = "speech_therapist", _("Orthophoniste")
    ORTHOPTIST = "orthoptist", _("Orthoptiste")
    PODIATRIST = "podiatrist", _("Pédicure-podologue")
    PSYCHOLOGIST = "psychologist", _("Psychologue")
    DIETITIAN = "dietitian", _("Diététicien")
    OCCUPATIONAL_THERAPIST = "occupational_therapist", _("Ergothérapeute")
    PSYCHOMOTOR_THERAPIST = "psychomotor_therapist", _("Psychomotricien")
    BIOLOGIST = "biologist", _("Biologiste")
    AMBULANCE = "ambulance", _("Transporteur sanitaire")
    SOCIAL_WORKER = "social_worker", _("Travailleur social")
    OTHER = "other", _("Autre")


class Discipline(models.TextChoices):
    """What a student learns during an internship."""

    GENERAL_MEDICINE = "general_medicine", _("Médecine générale")
    MEDICAL_SPECIALTY = "medical_specialty", _("Autre spécialité médicale")
    NURSING = "nursing", _("Soins infirmiers")
    PHYSIOTHERAPY = "physiotherapy", _("Masso-kinésithérapie")
    PHARMACY = "pharmacy", _("Pharmacie")
    MIDWIFERY = "midwifery", _("Maïeutique (sage-femme)")
    SPEECH_THERAPY = "speech_therapy", _("Orthophonie")
    DENTISTRY = "dentistry", _("Chirurgie dentaire")
    PODIATRY = "podiatry", _("Pédicurie-podologie")
    OCCUPATIONAL_THERAPY = "occupational_therapy", _("Ergothérapie")
    OTHER = "other", _("Autre formation en santé")


class StudyLevel(models.TextChoices):
    """Where the student is in their studies."""

    EXTERN = "extern", _("Externe (2e cycle)")
    INTERN = "intern", _("Interne (3e cycle)")
    DOCTEUR_JUNIOR = "docteur_junior", _("Docteur junior (4e année de médecine générale)")
    YEAR_1 = "year_1", _("1re année (IFSI, IFMK, école…)")
    YEAR_2 = "year_2", _("2e année")
    YEAR_3 = "year_3", _("3e année")
    YEAR_4_PLUS = "year_4_plus", _("4e année ou plus")


class HostStructure(models.TextChoices):
    MSP = "msp", _("Maison de santé pluriprofessionnelle")
    HEALTH_CENTRE = "health_centre", _("Centre de santé")
    PRACTICE = "practice", _("Cabinet libéral")
    PHARMACY = "pharmacy", _("Officine")
    EHPAD = "ehpad", _("EHPAD")
    HOSPITAL = "hospital", _("Hôpital, clinique")
    OTHER = "other", _("Autre structure")
