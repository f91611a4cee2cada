"""Which tracker wrote a file, told from its header, and which column holds what.

Columns are found by name through alias lists, never by position: products reorder, rename
("Task" or "Activity"), translate and drop columns between versions, plans and languages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from ..domain.errors import ImportFileError
from .values import DateOrder


class Format(StrEnum):
    TOGGL = "toggl"
    CLOCKIFY = "clockify"
    HARVEST = "harvest"
    KIMAI = "kimai"
    VATRACKER = "vatracker"


class Field(StrEnum):
    CLIENT = "client"
    PROJECT = "project"
    TASK = "task"
    DESCRIPTION = "description"
    BILLABLE = "billable"
    TAGS = "tags"
    RATE = "rate"
    CURRENCY = "currency"
    START_DATE = "start date"
    START_TIME = "start time"
    END_DATE = "end date"
    END_TIME = "end time"
    START = "start"  # a full date-time with its offset (VA Tracker's own CSV)
    END = "end"
    HOURS = "hours"  # H:MM[:SS] or decimal hours
    SECONDS = "seconds"  # H:MM[:SS] or whole seconds
    OUTCOME = "outcome"
    FINDINGS = "findings"


@dataclass(frozen=True, slots=True)
class Spec:
    """One product's export. An alias ending in "(¤)" carries the currency code in brackets,
    as in "Amount (EUR)". Earlier aliases are preferred ("Hours" before "Hours Rounded")."""

    format: Format
    title: str
    fields: Mapping[Field, tuple[str, ...]]
    required: tuple[tuple[Field, ...], ...]  # each needs one of its fields
    others: tuple[str, ...]  # columns read by nobody that only help to recognise the product
    date_order: DateOrder  # used when the dates themselves do not tell


@dataclass(frozen=True, slots=True)
class Columns:
    """Where each field is in one header, as one product names them."""

    spec: Spec
    index: dict[Field, int]
    currency: str | None
    missing: list[tuple[Field, ...]]
    score: int  # how many columns this product knows


_CLIENT = ("Client", "Kunde", "Cliente")
_PROJECT = ("Project", "Projekt", "Projet", "Proyecto", "Projeto")
_TASK = ("Task", "Aufgabe", "Tâche", "Tarea", "Tarefa")
_DESCRIPTION = ("Description", "Beschreibung", "Descripción", "Descrição")
_BILLABLE = ("Billable", "Abrechenbar", "Facturable", "Faturável")
_TAGS = ("Tags", "Schlagworte", "Étiquettes", "Etiquetas")
_DURATION = ("Duration", "Dauer", "Durée", "Duración", "Duração")
_PEOPLE = ("User", "Email", "Benutzer", "E-Mail", "Utilisateur", "Usuario", "Usuário")
_TOGGL_CLOCKIFY = {
    Field.CLIENT: _CLIENT,
    Field.PROJECT: _PROJECT,
    Field.DESCRIPTION: _DESCRIPTION,
    Field.BILLABLE: _BILLABLE,
    Field.TAGS: _TAGS,
    Field.START_DATE: ("Start date", "Startdatum", "Date de début", "Fecha de inicio",
                       "Data de início"),
    Field.START_TIME: ("Start time", "Startzeit", "Heure de début", "Hora de inicio",
                       "Hora de início"),
    Field.END_DATE: ("End date", "Enddatum", "Date de fin", "Fecha de fin", "Data de término"),
    Field.END_TIME: ("End time", "Endzeit", "Heure de fin", "Hora de fin", "Hora de término"),
}  # fmt: skip
_TIMED = ((Field.START_DATE,), (Field.START_TIME,), (Field.END_TIME, Field.HOURS))

SPECS = (
    Spec(
        Format.TOGGL, "Toggl Track",
        {**_TOGGL_CLOCKIFY, Field.TASK: _TASK, Field.HOURS: _DURATION},
        _TIMED,
        (*_PEOPLE, "Amount (¤)", "Client External Reference", "Project External Reference"),
        DateOrder.MDY,
    ),
    Spec(
        Format.CLOCKIFY, "Clockify",
        {
            **_TOGGL_CLOCKIFY,
            Field.TASK: ("Task", "Activity", *_TASK[1:]),
            Field.HOURS: tuple(f"{name} ({unit})" for unit in ("h", "decimal", "dezimal",
                                                                 "décimal") for name in _DURATION),
            Field.RATE: ("Billable Rate (¤)",),
        },
        _TIMED,
        (*_PEOPLE, "Group", "Type", "Invoiced", "Invoice ID", "Approval", "Approved by",
         "Date of creation", "Billable Amount (¤)", "Cost Rate (¤)", "Cost Amount (¤)"),
        DateOrder.MDY,
    ),
    Spec(
        Format.HARVEST, "Harvest",
        {
            Field.START_DATE: ("Date", "Datum", "Fecha", "Data"),
            Field.CLIENT: _CLIENT,
            Field.PROJECT: _PROJECT,
            Field.TASK: _TASK,
            Field.DESCRIPTION: ("Notes", "Notizen", "Notas"),
            Field.HOURS: ("Hours", "Stunden", "Heures", "Horas", "Hours Rounded"),
            Field.BILLABLE: ("Billable?", "Billable"),
            Field.RATE: ("Billable Rate",),
            Field.CURRENCY: ("Currency",),
        },
        ((Field.START_DATE,), (Field.HOURS,)),
        ("Project Code", "Invoiced?", "Approved?", "First Name", "Last Name", "Roles",
         "Employee?", "Billable Amount", "Cost Rate", "Cost Amount", "External Reference URL",
         "Department"),
        DateOrder.MDY,
    ),
    Spec(
        Format.KIMAI, "Kimai",
        {
            Field.START_DATE: ("Date", "Datum", "Fecha", "Data"),
            Field.START_TIME: ("From", "Begin", "Von", "Beginn", "Début", "Inicio", "Início"),
            Field.END_TIME: ("To", "End", "Bis", "Ende", "Fin", "Fim"),
            Field.SECONDS: _DURATION,
            Field.HOURS: ("duration_decimal",),
            Field.CLIENT: ("Customer", "customer.name", *_CLIENT),
            Field.PROJECT: ("project.name", *_PROJECT),
            Field.TASK: ("Activity", "activity.name", "Tätigkeit", "Activité", "Actividad",
                         "Atividade"),
            Field.DESCRIPTION: _DESCRIPTION,
            Field.BILLABLE: _BILLABLE,
            Field.TAGS: _TAGS,
            Field.RATE: ("Hourly rate", "hourly_rate", "Stundensatz", "Taux horaire",
                         "Tarifa por hora", "Valor por hora"),
            Field.CURRENCY: ("Currency", "Währung", "Devise", "Moneda", "Moeda"),
        },
        ((Field.START_DATE,), (Field.START_TIME,), (Field.END_TIME, Field.SECONDS, Field.HOURS)),
        ("Rate", "Fixed rate", "Exported", "internal_rate", "fixed_rate", "user.alias",
         "user.name", "user.email", "user.account_number", "type", "category", "customer.number",
         "project.number", "customer.vat_id", "project.order_number", *_PEOPLE),
        DateOrder.DMY,
    ),
    Spec(
        Format.VATRACKER, "VA Tracker",
        {
            Field.CLIENT: ("client",),
            Field.TASK: ("task",),
            Field.START: ("start",),
            Field.END: ("end",),
            Field.SECONDS: ("duration_seconds",),
            Field.OUTCOME: ("outcome",),
            Field.FINDINGS: ("findings",),
            Field.DESCRIPTION: ("note",),
            Field.BILLABLE: ("billable",),
        },
        ((Field.START,), (Field.END, Field.SECONDS)),
        ("id", "zone"),
        DateOrder.MDY,
    ),
)  # fmt: skip
_CURRENCY_SUFFIX = re.compile(r"(.*?)\s*\(([a-z]{3})\)")


def find_columns(header: Sequence[str], name: str, format: Format | None) -> Columns:
    """The columns of `format`, or of the product whose columns the header has (the most of
    them, on a tie); an error says which products are known, or which column is missing."""
    if format is not None:
        return _require(next(match_columns(s, header) for s in SPECS if s.format is format), name)
    candidates = sorted(
        (match_columns(spec, header) for spec in SPECS),
        key=lambda found: (not found.missing, found.score),
        reverse=True,
    )
    best = candidates[0]
    if best.missing and best.score < 3:
        known = "; ".join(
            f"{spec.title} ({', '.join(_label(spec, need) for need in spec.required)})"
            for spec in SPECS
        )
        raise ImportFileError(
            f"{name} does not look like a time export VA Tracker can read; its columns are: "
            f"{_shown(header)}. Known formats, with the columns each needs: {known}. Export "
            "a detailed time report as CSV from your tracker and import that file."
        )
    return _require(best, name)


def _require(found: Columns, name: str) -> Columns:
    """`found`, or an error naming the first column the product needs that is not there."""
    if found.missing:
        spec = found.spec
        raise ImportFileError(
            f"{name} looks like a {spec.title} export, but it has no "
            f"{_label(spec, found.missing[0])} column, which VA Tracker needs. Export the "
            f"detailed report from {spec.title} again with all columns, or add that column."
        )
    return found


def match_columns(spec: Spec, header: Sequence[str]) -> Columns:
    """For each field, the first column named by its most preferred alias."""
    names = [_normal(column) for column in header]
    bases = [_CURRENCY_SUFFIX.fullmatch(name) for name in names]
    currency = next((m[2].upper() for m in bases if m and _known(spec, m[1] + " (¤)")), None)
    plain = [m[1] + " (¤)" if m else name for m, name in zip(bases, names, strict=True)]
    index: dict[Field, int] = {}
    for field, aliases in spec.fields.items():
        for alias in map(_normal, aliases):
            if alias in plain:
                index[field] = plain.index(alias)
                break
    missing = [need for need in spec.required if not any(field in index for field in need)]
    score = sum(1 for name in plain if _known(spec, name))
    return Columns(spec, index, currency, missing, score)


def _known(spec: Spec, name: str) -> bool:
    aliases = (alias for names in (*spec.fields.values(), spec.others) for alias in names)
    return any(_normal(alias) == name for alias in aliases)


def _label(spec: Spec, need: tuple[Field, ...]) -> str:
    return " or ".join(f"“{spec.fields[field][0]}”" for field in need)


def _shown(header: Sequence[str]) -> str:
    """The header for a message, cut short when the "header" is really a damaged file."""
    names = ", ".join(name.strip()[:40] for name in header[:20])
    return names if len(header) <= 20 else names + ", …"


def _normal(name: str) -> str:
    return " ".join(name.split()).casefold()
