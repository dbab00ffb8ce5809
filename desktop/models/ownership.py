"""Who may read and write which records and fields (DESIGN.md §4, field ownership).

A municipality writes its own records, except the fields the prefecture owns (a need's response). The prefecture
writes only those fields of its towns' records, and its catalog records (talent pool, good practices,
joint-procurement offers, announcements), which every town of the prefecture reads. Because each field has one
writer, prefecture answers and town edits never conflict. The hub enforces this on every push and pull; the
desktop uses the same rules to keep prefecture-owned data read-only.
"""

from desktop.models.municipal_code import check_digit
from desktop.models.needs import NeedsRequest

# Kinds owned wholly by the prefecture; owner_code is the prefecture's code.
CATALOG_KINDS: frozenset[str] = frozenset(
    {"talent_pool_entry", "good_practice", "joint_procurement_offer", "announcement"}
)

# Fields of municipality records that only the prefecture writes.
PREFECTURE_FIELDS: dict[str, frozenset[str]] = {
    NeedsRequest.kind: frozenset(NeedsRequest.RESPONSE_FIELDS),
}


def is_prefecture_code(code: str) -> bool:
    """A prefecture's 団体コード is PP000c (e.g. 180009 福井県)."""
    return code[2:5] == "000"


def prefecture_of(code: str) -> str:
    """The 団体コード of the prefecture a municipality (or prefecture) code belongs to."""
    body = code[:2] + "000"
    return body + str(check_digit(body))


def may_read(scope_code: str, owner_code: str, kind: str) -> bool:
    """Whether a token scoped to `scope_code` may read a record of `kind` owned by `owner_code`."""
    if is_prefecture_code(scope_code):
        return prefecture_of(owner_code) == scope_code
    if kind in CATALOG_KINDS:
        return owner_code == prefecture_of(scope_code)
    return owner_code == scope_code


def may_write(scope_code: str, owner_code: str, kind: str, field: str) -> bool:
    """Whether a token scoped to `scope_code` may write `field` of a `kind` record owned by `owner_code`.

    The field "deleted" stands for deleting or restoring the record.
    """
    prefecture_fields = PREFECTURE_FIELDS.get(kind, frozenset())
    if is_prefecture_code(scope_code):
        if owner_code == scope_code:  # its own records: its 団体情報 and its catalogs
            return True
        return (
            kind not in CATALOG_KINDS
            and prefecture_of(owner_code) == scope_code
            and field in prefecture_fields
        )
    if kind in CATALOG_KINDS:
        return False
    return owner_code == scope_code and field not in prefecture_fields
