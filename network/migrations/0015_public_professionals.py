# « Trouver un professionnel »: the public copy of each CPTS's consenting members (network/professionals.py).

import django.contrib.postgres.fields
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('network', '0014_commune_postal_codes_index'),
        ('tenants', '0008_periodic_job_run'),
    ]

    operations = [
        migrations.CreateModel(
            name='PublicProfessional',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('member_id', models.PositiveBigIntegerField()),
                ('name', models.CharField(max_length=200)),
                ('kind', models.CharField(max_length=16)),
                ('profession', models.CharField(blank=True, max_length=32)),
                ('structure', models.CharField(blank=True, max_length=200)),
                ('contact', models.CharField(blank=True, max_length=200)),
                ('accepts_new_patients', models.BooleanField(null=True)),
                ('new_patients_confirmed_on', models.DateField(null=True)),
                ('languages', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=2), blank=True, default=list, size=None)),
                ('step_free_access', models.BooleanField(null=True)),
                ('commune', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='network.commune')),
                ('cpts', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='public_professionals', to='tenants.cpts')),
            ],
            options={
                'indexes': [models.Index(fields=['profession', 'commune'], name='public_professional_search')],
                'constraints': [models.UniqueConstraint(fields=('cpts', 'member_id'), name='one_public_professional_per_member')],
            },
        ),
    ]
