"""The municipality a store belongs to: first-run registration, reading and editing its details."""

from typing import Any

from sqlalchemy import select

from desktop.models import AuditEntry, Municipality
from desktop.models.contact import check_email, check_phone, head_title_for
from desktop.models.errors import DomainError, NotFoundError, ValidationError
from desktop.models.municipal_code import prefecture_of, validate
from desktop.models.natural_keys import natural_id
from desktop.models.rules import clean
from desktop.services import records
from desktop.services.workspace import Workspace
from desktop.store import Store

NAME_MAX = Municipality.__table__.c.name.type.length  # the form stops typing where the rule would refuse
# Fixed at registration: the code is the owner of every record, the prefecture follows from it.
FIXED_FIELDS = ("code", "prefecture")


class AlreadyRegisteredError(DomainError):
    """The store already belongs to a municipality."""


def check_new(code: str, name: str) -> tuple[str, str, str]:
    """Validate a registration before anything is opened or written: (code, name, prefecture)."""
    code = validate(code)
    name = (name or "").strip()
    if not name:
        raise ValidationError("団体名を入力してください。", "name")
    name = clean(Municipality, {"name": name})["name"]  # length, control characters, valid Unicode
    return code, name, prefecture_of(code)


def check_details(fields: dict[str, Any]) -> dict[str, Any]:
    """The formats of e-mail and telephone (the other fields follow models/rules)."""
    checks = {"contact_email": check_email, "contact_phone": check_phone}
    return {key: checks[key](value) if key in checks else value for key, value in fields.items()}


def has_municipality(store: Store) -> bool:
    """True once first-run registration is done."""
    with store.read() as s:
        return s.scalar(select(Municipality.id).where(Municipality.deleted.is_(False)).limit(1)) is not None


def init_municipality(
    store: Store, code: str, name: str, *, actor: str = "local", is_demo: bool = False, **contact: Any
) -> Municipality:
    """Register the municipality of a new store (once); contact holds optional Municipality fields.

    The head's title, unless given, is the one the name implies (鯖江市 → 市長); it can be changed later.
    """
    code, name, prefecture = check_new(code, name)
    for key in contact:
        if key in FIXED_FIELDS or key in ("name", "is_demo"):
            raise ValidationError(f"項目「{key}」はここでは指定できません。", key)
    values = clean(Municipality, check_details({"head_title": head_title_for(name), **contact}))
    now = store.clock()
    with store.write() as s:
        existing = s.scalar(select(Municipality).where(Municipality.deleted.is_(False)).limit(1))
        if existing is not None:
            raise AlreadyRegisteredError(
                f"このデータには既に団体（{existing.code} {existing.name}）が登録されています。"
            )
        muni = Municipality(
            id=natural_id(code, Municipality.kind),
            code=code,
            name=name,
            prefecture=prefecture,
            is_demo=is_demo,
            owner_code=code,
            updated_by=actor,
            updated_at=now,
            dirty=True,
            **values,
        )
        s.add(muni)
        s.flush()
        s.add(
            AuditEntry(
                at=now,
                actor=actor,
                entity=Municipality.kind,
                entity_id=muni.id,
                action="create",
                summary=code,
            )
        )
    store.daily_backup()  # the first backup holds the first data (skipped while inside a larger write)
    return muni


def get_municipality(ws: Workspace) -> Municipality:
    """This store's municipality (NoMunicipalityError before registration)."""
    with ws.store.read() as s:
        muni = s.scalar(
            select(Municipality).where(Municipality.code == ws.owner_code, Municipality.deleted.is_(False))
        )
    if muni is None:  # pragma: no cover - owner_code already proved it exists
        raise NotFoundError("団体が見つかりません。")
    return muni


def update_municipality(ws: Workspace, **fields: Any) -> Municipality:
    """Edit the name, the head's title and the contact details; the code and prefecture stay as registered."""
    for key in FIXED_FIELDS:
        if key in fields:
            raise ValidationError("団体コードと都道府県は登録後に変更できません。", key)
    if "is_demo" in fields:
        raise ValidationError("デモ団体かどうかは変更できません。", "is_demo")
    fields = check_details(fields)
    if "name" in fields:
        name = str(fields["name"] or "").strip()
        if not name:
            raise ValidationError("団体名を入力してください。", "name")
        fields["name"] = name
    return records.update(ws, Municipality, get_municipality(ws).id, **fields)
