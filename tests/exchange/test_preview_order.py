"""The preview reads in the order a person acts on it: conflicts (they need a person) first, then what changes,
then what is new, then what is left alone; the summary line counts in the same order."""

from desktop.services import package_preview
from desktop.services.package_preview import Preview, RecordOutcome


def preview_of(*outcomes: str) -> Preview:
    return Preview(tuple(RecordOutcome("needs_request", f"ニーズ{i}", o) for i, o in enumerate(outcomes)))


def test_the_rows_list_conflicts_then_changes_then_additions_then_what_is_left_alone():
    preview = preview_of("added", "unchanged", "changed", "older", "conflict", "added")

    outcomes = [row[0].split("（")[0] for row in package_preview.preview_rows(preview)]

    assert outcomes == ["競合", "変更", "追加", "追加", "変更なし", "より新しい内容を取込済み"]


def test_the_summary_counts_in_the_order_of_the_rows():
    preview = preview_of("added", "unchanged", "changed", "older", "conflict", "added")

    assert preview.describe() == (
        "競合 1件、変更 1件、追加 2件、そのまま 2件（うち新しい内容を取込済み 1件）"
    )


def test_a_conflict_names_its_fields_as_the_forms_do():
    preview = Preview((RecordOutcome("needs_request", "CIO補佐官の派遣", "conflict", ("title", "deleted")),))

    assert package_preview.preview_rows(preview) == [("競合（件名、削除）", "支援ニーズ", "CIO補佐官の派遣")]
