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
