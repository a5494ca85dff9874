"""What an import did, or would do: one line per item, counts per type, in French and as JSON."""

from __future__ import annotations

import enum
from collections import Counter
from dataclasses import asdict, dataclass, field

from .sources import Kind


class Action(enum.StrEnum):
    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    SKIP = "skip"
    FAIL = "fail"


ACTION_LABELS = {
    (Action.CREATE, True): "à créer",
    (Action.CREATE, False): "créé",
    (Action.UPDATE, True): "à mettre à jour",
    (Action.UPDATE, False): "mis à jour",
    (Action.UNCHANGED, True): "inchangé",
    (Action.UNCHANGED, False): "inchangé",
    (Action.SKIP, True): "ignoré",
    (Action.SKIP, False): "ignoré",
    (Action.FAIL, True): "impossible",
    (Action.FAIL, False): "échec",
}
KIND_LABELS = {
    Kind.PAGE: "pages",
    Kind.NEWS: "actualités",
    Kind.EVENT: "événements",
    Kind.IMAGE: "images",
    Kind.DOCUMENT: "documents",
    "other": "autres contenus",
}


@dataclass
class ReportLine:
    key: str
    kind: str
    title: str
    action: Action
    notes: list[str] = field(default_factory=list)
    url: str = ""

    @property
    def approximate(self) -> bool:
        return bool(self.notes) and self.action not in (Action.SKIP, Action.FAIL)


@dataclass
class ImportReport:
    source: str
    dry_run: bool
    lines: list[ReportLine] = field(default_factory=list)
    redirects: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, line: ReportLine) -> ReportLine:
        self.lines.append(line)
        return line

    def label(self, action: Action) -> str:
        return ACTION_LABELS[action, self.dry_run]

    @property
    def failed(self) -> list[ReportLine]:
        return [line for line in self.lines if line.action == Action.FAIL]

    def counts(self) -> dict[str, dict[str, int]]:
        """Per type of item: how many per action, and how many were mapped approximately."""
        counts: dict[str, Counter] = {}
        for line in self.lines:
            counter = counts.setdefault(line.kind, Counter())
            counter[line.action.value] += 1
            counter["approximate"] += line.approximate
        return {kind: dict(counter) for kind, counter in counts.items()}

    def summary_rows(self) -> list[dict]:
        """One row per type, labelled in French, for the admin screen and the command."""
        rows = []
        for kind, counter in self.counts().items():
            rows.append(
                {
                    "kind": KIND_LABELS.get(kind, kind),
                    **{action.value: counter.get(action.value, 0) for action in Action},
                    "approximate": counter.get("approximate", 0),
                }
            )
        return rows

    def to_check(self) -> list[dict]:
        """The lines an editor should look at: approximated, skipped or failed."""
        return [
            {"title": line.title, "url": line.url, "label": self.label(line.action), "notes": line.notes}
            for line in self.lines
            if line.notes or line.action in (Action.SKIP, Action.FAIL)
        ]

    def as_json(self) -> dict:
        return {
            "source": self.source,
            "dry_run": self.dry_run,
            "counts": self.counts(),
            "redirects": self.redirects,
            "notes": self.notes,
            "items": [{**asdict(line), "action_label": self.label(line.action)} for line in self.lines],
        }

    def as_text(self) -> str:
        head = "Simulation (rien n'est écrit)" if self.dry_run else "Import"
        out = [f"{head} : {self.source}"]
        for row in self.summary_rows():
            out.append(
                f"  {row['kind']:<16} {self.label(Action.CREATE)} {row['create']}, "
                f"{self.label(Action.UPDATE)} {row['update']}, inchangés {row['unchanged']}, "
                f"ignorés {row['skip']}, {self.label(Action.FAIL)} {row['fail']}, "
                f"dont approximatifs {row['approximate']}"
            )
        for line in self.lines:
            if line.notes or line.action in (Action.SKIP, Action.FAIL):
                out.append(
                    f"  - {line.title} [{line.key}] {self.label(line.action)} : {' ; '.join(line.notes)}"
                )
        out.extend(f"  * {note}" for note in self.notes)
        verb = "seront créées ou mises à jour" if self.dry_run else "créées ou mises à jour"
        out.append(f"  Redirections des anciennes adresses {verb} : {self.redirects}")
        return "\n".join(out)
