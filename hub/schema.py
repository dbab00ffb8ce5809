"""The hub's tables. Changed only through a new migration in hub/migrations/versions (HEAD in hub/db.py)."""

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# One row (id 1): the version counter. Writers lock it for their whole transaction, so versions are unique,
# increasing, and committed in order (a pull never skips a version that commits late).
counter = Table(
    "hub_counter",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("value", BigInteger, nullable=False),
)

# Every synced record of every town, stored generically: the hub knows kinds and fields from desktop.models.
record = Table(
    "hub_record",
    metadata,
    Column("kind", String(64), primary_key=True),
    Column("id", String(36), primary_key=True),
    Column("owner_code", String(6), nullable=False),
    Column("prefecture_code", String(6), nullable=False),  # derived from owner_code: the prefecture's reads
    Column("version", BigInteger, nullable=False, unique=True),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("deleted_version", BigInteger, nullable=False, default=0),  # when `deleted` last changed
    Column("fields", JSON, nullable=False),
    Column("field_versions", JSON, nullable=False),  # field → version that last changed it (three-way merge)
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("updated_by", String(100), nullable=False, default=""),
    # The record as the latest restore left it, kept by its first write after that restore (hub/merge.py):
    # {"after": lost_after, "deleted": …, "fields": {…}, "seen": {field: lost version its writer had seen}}.
    Column("restored", JSON, nullable=True),
)
Index("ix_hub_record_owner_version", record.c.owner_code, record.c.version)
Index("ix_hub_record_prefecture_version", record.c.prefecture_code, record.c.version)

# Every restore from a backup (dxnavi-hub after-restore): versions above `lost_after` up to `resumed_at` were
# handed out before the restore and are gone from the hub; PCs may still hold records at those versions.
restore = Table(
    "hub_restore",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("lost_after", BigInteger, nullable=False),
    Column("resumed_at", BigInteger, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

# The stored answer of every accepted push, for good: a replayed (device_id, batch_id) gets it unchanged.
batch = Table(
    "hub_batch",
    metadata,
    Column("code", String(6), primary_key=True),
    Column("device_id", String(100), primary_key=True),
    Column("batch_id", String(36), primary_key=True),
    Column("response", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Bearer tokens: a public id and the SHA-256 of the secret part; the token itself is shown once and never stored.
token = Table(
    "hub_token",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("code", String(6), nullable=False, index=True),
    Column("label", String(200), nullable=False, default=""),
    Column("secret_hash", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)

# The prefecture's towns (dxnavi-hub municipalities import).
municipality = Table(
    "hub_municipality",
    metadata,
    Column("code", String(6), primary_key=True),
    Column("name", String(100), nullable=False),
)

# Every accepted write: who (token id and 団体コード), when, which records. Never a token or a field value.
audit = Table(
    "hub_audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False, index=True),
    Column("code", String(6), nullable=False),
    Column("token_id", String(16), nullable=False),
    Column("device_id", String(100), nullable=False, default=""),
    Column("batch_id", String(36), nullable=False, default=""),
    Column("action", String(30), nullable=False),
    Column("records", JSON, nullable=False),  # [[kind, id, version, outcome], ...]
    Column("detail", Text, nullable=False, default=""),
)

# Package signing keys of towns (and prefectures) the hub trusts, per (団体コード, key id): registered by a device
# with a valid token (source "token": trusted while that token is valid) or approved by fingerprint on the CLI
# (source "approved").
package_key = Table(
    "hub_package_key",
    metadata,
    Column("code", String(6), primary_key=True),
    Column("key_id", String(16), primary_key=True),
    Column("public_key", String(64), nullable=False),  # base64 of the raw Ed25519 key
    Column("fingerprint", String(64), nullable=False),
    Column("source", String(10), nullable=False),  # token | approved
    Column("token_id", String(16), nullable=False),  # the registering token ("" when approved on the CLI)
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# The hub's own Ed25519 key (one row, id 1), made on first use: it signs the catalog packages the hub exports.
# The private key is in the database, so every worker and the CLI use the same one and backups keep it: whoever
# can read the database or its backups can sign as the hub; protect them like the hub's host.
signing_key = Table(
    "hub_signing_key",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("private_pem", Text, nullable=False),
    Column("sequence", BigInteger, nullable=False),  # of the last package signed (only grows)
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Which package last set a record (by its key and per-device sequence), the hub version it got, and the fields it
# carried: a later package of the same key merges against that (never a rollback by an older one).
package_origin = Table(
    "hub_package_origin",
    metadata,
    Column("kind", String(64), primary_key=True),
    Column("id", String(36), primary_key=True),
    Column("key_id", String(16), nullable=False),
    Column("sequence", BigInteger, nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("fields", JSON, nullable=False),
    Column("deleted", Boolean, nullable=False),
)
