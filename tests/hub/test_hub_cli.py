"""dxnavi-hub token and municipalities commands: the token shown once on its last line, a list without secrets,
revocation, and a CSV import that validates every 団体コード before registering any."""

from hub_client import SABAE

from hub import db, tokens
from hub.cli import main


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_token_is_issued_for_a_registered_town_listed_without_its_secret_and_revoked(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    csv = tmp_path / "towns.csv"
    csv.write_text("団体コード,団体名\n182079,鯖江市\n182010,福井市\n", encoding="utf-8")
    assert (
        run(capsys, "municipalities", "import", "--db", url, str(csv))[1]
        == "2団体を登録し、0団体の名称を更新しました。\n"
    )

    code, out, _ = run(capsys, "token", "issue", "--db", url, "--code", SABAE, "--label", "鯖江市 1台目")
    assert code == 0
    issued = out.splitlines()[-1]
    token_id, _, secret = issued.partition(".")
    assert len(secret) >= 40 and " " not in issued

    code, out, _ = run(capsys, "token", "list", "--db", url)
    assert code == 0 and token_id in out and "鯖江市 1台目" in out and "有効" in out and secret not in out

    assert run(capsys, "token", "revoke", "--db", url, token_id)[0] == 0
    assert "失効" in run(capsys, "token", "list", "--db", url)[1]
    assert tokens.authenticate(db.make_engine(url), issued) is None


def test_a_token_for_an_unregistered_or_invalid_code_is_refused(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    code, out, err = run(capsys, "token", "issue", "--db", url, "--code", SABAE)
    assert code == 2 and out == "" and "municipalities import" in err
    code, _, err = run(capsys, "token", "issue", "--db", url, "--code", "182078")
    assert code == 2 and "検査数字" in err
    code, out, _ = run(capsys, "token", "issue", "--db", url, "--code", "180009")  # the prefecture itself
    assert code == 0 and "180009" in out


def test_a_csv_with_any_bad_code_registers_nothing_and_names_every_bad_line(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    csv = tmp_path / "towns.csv"
    csv.write_bytes("182079,鯖江市\n182078,間違い\n180009,福井県\n18207,短い\n".encode("cp932"))
    code, out, err = run(capsys, "municipalities", "import", "--db", url, str(csv))
    assert code == 2 and out == ""
    assert "2行目" in err and "検査数字" in err and "3行目" in err and "都道府県" in err and "4行目" in err
    assert "1行目" not in err
    code, _, err = run(capsys, "token", "issue", "--db", url, "--code", SABAE)
    assert code == 2  # nothing was registered


def test_a_missing_csv_gets_a_message_not_a_traceback(tmp_path, capsys):
    code, _, err = run(
        capsys, "municipalities", "import", "--db", f"sqlite:///{tmp_path / 'h.sqlite3'}", "nope.csv"
    )
    assert code == 2 and err.startswith("エラー: ファイルを読み書きできません")


def test_backup_and_after_restore_from_the_command_line(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    assert run(capsys, "token", "issue", "--db", url, "--code", "180009")[0] == 0
    code, out, _ = run(capsys, "backup", "--db", url, "--out", str(tmp_path / "backups"), "--keep", "3")
    assert code == 0 and out.startswith("バックアップを作成しました: ")
    assert len(list((tmp_path / "backups").glob("hub-*.sqlite3"))) == 1
    code, out, _ = run(capsys, "after-restore", "--db", url)
    assert code == 0 and "1000000000000" in out
