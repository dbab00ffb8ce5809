"""A corpus of hostile and broken packages: each is refused with a Japanese reason and the store is unchanged.

Every case starts from a genuine needs package of 鯖江市 whose key the prefecture approves, then breaks one
thing; cases that need a valid signature over bad contents re-sign with the town's own key, so the refusal
comes from the check under test and not from the signature.
"""

import io
import json
import re
import stat
import zipfile

import pytest

from desktop.exchange import archive
from desktop.exchange.archive import PackageRefused
from desktop.exchange.keys import device_key, encode_public, key_id
from desktop.exchange.manifest import MANIFEST, PAYLOAD, canonical
from desktop.services import package_keys, packages
from tests.exchange.conftest import TOWN_CODE, dump, entries_of, fingerprint_of, resign, zip_bytes

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def payload_with(files: dict[str, bytes], edit) -> dict[str, bytes]:
    body = json.loads(files[PAYLOAD])
    edit(body["changes"])
    return {**files, PAYLOAD: canonical(body)}


def need_change(changes: list[dict]) -> dict:
    return next(c for c in changes if c["kind"] == "needs_request")


def raw_zip(entries) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, body in entries:
            zf.writestr(info, body)
    return buffer.getvalue()


def with_info(files: dict[str, bytes], name: str, body: bytes, **attrs) -> bytes:
    info = zipfile.ZipInfo(name)
    for key, value in attrs.items():
        setattr(info, key, value)
    return raw_zip([*files.items(), (info, body)])


def encrypted(files: dict[str, bytes]) -> bytes:
    """The general-purpose flag bit 0 (encrypted) set on one entry's central directory record."""
    data = bytearray(zip_bytes([*files.items(), ("documents/secret.pdf", b"%PDF-")]))
    at = data.rindex(b"PK\x01\x02")  # the last entry's central record; its flags are 8 bytes in
    data[at + 8] |= 0x1
    return bytes(data)


def without(name: str, package: bytes) -> bytes:
    """The package with one entry left out after signing (listed in the manifest, gone from the ZIP)."""
    return zip_bytes([(n, b) for n, b in entries_of(package).items() if n != name])


def other_key(tmp_path):
    return device_key(tmp_path / "attacker")


def bomb() -> bytes:
    return b"{" + b" " * (30 * 1024 * 1024) + b"}"


CASES = {
    "traversal": (lambda f, k, t: zip_bytes([*f.items(), ("../../evil.json", b"{}")]), "上位フォルダ"),
    "absolute path": (lambda f, k, t: zip_bytes([*f.items(), ("/etc/cron.d/evil", b"x")]), "絶対パス"),
    "windows drive path": (lambda f, k, t: zip_bytes([*f.items(), ("C:/evil.pdf", b"x")]), "絶対パス"),
    "backslash path": (
        lambda f, k, t: zip_bytes([*f.items(), ("documents\\..\\evil.pdf", b"%PDF-")]),
        "バックスラッシュ",
    ),
    "symbolic link": (
        lambda f, k, t: with_info(
            f, "documents/link.pdf", b"/etc/passwd", external_attr=(stat.S_IFLNK | 0o777) << 16
        ),
        "リンク",
    ),
    "directory entry": (lambda f, k, t: zip_bytes([*f.items(), ("documents/", b"")]), "フォルダ"),
    "duplicate names": (lambda f, k, t: zip_bytes([*f.items(), (PAYLOAD, f[PAYLOAD])]), "重複"),
    "duplicate names differing in case": (
        lambda f, k, t: zip_bytes([*f.items(), ("documents/A.pdf", b"%PDF-"), ("documents/a.pdf", b"%PDF-")]),
        "重複",
    ),
    "encrypted entry": (
        lambda f, k, t: encrypted(f),
        "暗号化",
    ),
    "zip bomb": (lambda f, k, t: resign({**f, PAYLOAD: bomb()}, k), "圧縮"),
    "entry flood": (
        lambda f, k, t: zip_bytes([*f.items(), *((f"documents/{i}.pdf", b"%PDF-") for i in range(1000))]),
        "多すぎ",
    ),
    "truncated file": (lambda f, k, t: zip_bytes(list(f.items()))[:-300], "途中で切れて"),
    "not a zip at all": (lambda f, k, t: b"MZ\x90\x00" + b"\x00" * 500, "途中で切れて"),
    "empty file": (lambda f, k, t: b"", "途中で切れて"),
    "bad json payload": (lambda f, k, t: resign({**f, PAYLOAD: b'{"format": "dxnavi-changes", '}, k), "JSON"),
    "payload not utf-8": (lambda f, k, t: resign({**f, PAYLOAD: "{}".encode("utf-16")}, k), "UTF-8"),
    "duplicate json keys": (
        lambda f, k, t: resign(
            {**f, PAYLOAD: b'{"format":"dxnavi-changes","format":"x","version":1,"changes":[]}'}, k
        ),
        "JSON",
    ),
    "NaN in json": (
        lambda f, k, t: resign({**f, PAYLOAD: b'{"format":"dxnavi-changes","version":NaN,"changes":[]}'}, k),
        "JSON",
    ),
    "deeply nested json": (
        lambda f, k, t: resign({**f, PAYLOAD: b"[" * 5000 + b"]" * 5000}, k),
        "入れ子",
    ),
    "json nested just past the limit": (
        lambda f, k, t: resign(
            {**f, PAYLOAD: b"[" * (archive.MAX_JSON_DEPTH + 1) + b"]" * (archive.MAX_JSON_DEPTH + 1)}, k
        ),
        "入れ子",
    ),
    "payload changed after signing": (
        lambda f, k, t: zip_bytes([*{**f, PAYLOAD: f[PAYLOAD].replace(b"CIO", b"CEO")}.items()]),
        "書き換えられた",
    ),
    "manifest changed after signing": (
        lambda f, k, t: zip_bytes(
            [*{**f, MANIFEST: f[MANIFEST].replace("鯖江市".encode(), "福井市".encode())}.items()]
        ),
        "署名が正しくありません",
    ),
    "file missing from the package": (
        lambda f, k, t: without("documents/note.pdf", resign({**f, "documents/note.pdf": b"%PDF-1.4"}, k)),
        "ありません",
    ),
    "file not listed in the manifest": (
        lambda f, k, t: zip_bytes([*f.items(), ("documents/extra.pdf", b"%PDF-1.4")]),
        "記載のない",
    ),
    "signature forged with another key": (
        lambda f, k, t: resign(f, other_key(t)),  # keeps the town's public key: the signature does not verify
        "署名が正しくありません",
    ),
    "key id of the town with another public key": (
        lambda f, k, t: resign(f, other_key(t), public_key=encode_public(other_key(t).public_key)),
        "鍵ID が公開鍵と一致しません",
    ),
    "another town's records": (
        lambda f, k, t: resign(payload_with(f, lambda cs: need_change(cs).update(owner_code="182010")), k),
        "以外の団体",
    ),
    "a field only the prefecture writes": (
        lambda f, k, t: resign(
            payload_with(f, lambda cs: need_change(cs)["fields"].update(response_status="matched")), k
        ),
        "書き込めない項目",
    ),
    "wrong check digit in a record": (
        lambda f, k, t: resign(payload_with(f, lambda cs: need_change(cs).update(owner_code="182078")), k),
        "検査数字",
    ),
    "wrong check digit of the sender": (lambda f, k, t: resign(f, k, sender_code="182078"), "検査数字"),
    "oversize string": (
        lambda f, k, t: resign(
            payload_with(f, lambda cs: need_change(cs)["fields"].update(title="長" * 201)), k
        ),
        "200文字以内",
    ),
    "value outside its vocabulary": (
        lambda f, k, t: resign(
            payload_with(f, lambda cs: need_change(cs)["fields"].update(priority="urgent!!")), k
        ),
        "選択肢にありません",
    ),
    "sync column smuggled in as a field": (
        lambda f, k, t: resign(payload_with(f, lambda cs: need_change(cs)["fields"].update(dirty=True)), k),
        "編集できません",
    ),
    "unknown record kind": (
        lambda f, k, t: resign(payload_with(f, lambda cs: need_change(cs).update(kind="shell_command")), k),
        "扱えない種類",
    ),
    "nested zip as a pdf": (
        lambda f, k, t: resign({**f, "documents/inner.pdf": zip_bytes([("a.txt", b"x")])}, k),
        "PDF ではありません",
    ),
    "nested zip by name": (
        lambda f, k, t: resign({**f, "inner.zip": zip_bytes([("a", b"x")])}, k),
        "想定外のファイル",
    ),
    "executable": (lambda f, k, t: resign({**f, "setup.exe": b"MZ\x90\x00"}, k), "想定外のファイル"),
    "executable disguised as a pdf": (
        lambda f, k, t: resign({**f, "documents/申請書.pdf": b"MZ\x90\x00" + b"\x00" * 64}, k),
        "PDF ではありません",
    ),
    "workbook with macros": (
        lambda f, k, t: resign(
            {**f, "summary.xlsx": zip_bytes([("[Content_Types].xml", b"<x/>"), ("xl/vbaProject.bin", b"x")])},
            k,
        ),
        "マクロ",
    ),
    "future format version": (lambda f, k, t: resign(f, k, format_version=2, new_field="x"), "新しい形式"),
    "not our format": (lambda f, k, t: resign(f, k, format="something-else"), "形式名"),
    "unknown manifest member": (lambda f, k, t: resign(f, k, run="rm -rf /"), "manifest.json の内容"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_hostile_package_is_refused_in_japanese_and_changes_nothing(
    case, town, prefecture, export, tmp_path
):
    genuine, _ = export(town)
    files = entries_of(genuine.read_bytes())
    make, reason = CASES[case]
    hostile = tmp_path / "hostile.dxpkg"
    hostile.write_bytes(make(files, package_keys.device_key(town), tmp_path))
    before = dump(prefecture)
    backups_before = (
        sorted(prefecture.store.backups.folder.glob("*")) if prefecture.store.backups.folder.exists() else []
    )

    with pytest.raises(PackageRefused) as refused:
        packages.apply_package(prefecture, hostile, approve_key=fingerprint_of(town))

    message = str(refused.value)
    assert JAPANESE.search(message), message
    assert reason in message, message
    assert dump(prefecture) == before
    folder = prefecture.store.backups.folder
    assert (sorted(folder.glob("*")) if folder.exists() else []) == backups_before


def test_a_key_pinned_for_the_town_is_not_replaced_by_a_new_key_with_the_same_id(
    town, prefecture, export, tmp_path
):
    """The swap the key id check cannot see: a pinned (code, key id) whose public key differs is refused."""
    genuine, _ = export(town)
    packages.apply_package(prefecture, genuine, approve_key=fingerprint_of(town))
    from desktop.models import PinnedKey

    attacker = other_key(tmp_path)
    with prefecture.store.write() as s:  # an earlier pin under the id the attacker's key really has
        pin = s.get(PinnedKey, (TOWN_CODE, key_id(package_keys.device_key(town).public_key)))
        s.add(
            PinnedKey(
                owner_code=TOWN_CODE,
                key_id=key_id(attacker.public_key),
                public_key=pin.public_key,
                fingerprint=pin.fingerprint,
                sender_name="鯖江市",
                source="approved",
                pinned_at=prefecture.now(),
            )
        )
    forged = tmp_path / "forged.dxpkg"
    forged.write_bytes(
        resign(
            entries_of(genuine.read_bytes()),
            attacker,
            public_key=encode_public(attacker.public_key),
            key_id=key_id(attacker.public_key),
            package_id="00000000-0000-4000-8000-000000000001",
        )
    )
    before = dump(prefecture)

    with pytest.raises(PackageRefused, match="別の公開鍵が登録済み"):
        packages.apply_package(prefecture, forged)
    assert dump(prefecture) == before


def test_a_genuine_package_passes_the_same_checks(town, prefecture, export):
    genuine, _ = export(town)
    assert packages.apply_package(prefecture, genuine, approve_key=fingerprint_of(town)).counts["added"] > 0
