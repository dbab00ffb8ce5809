"""The app keeps a log file in the data dir: a Windows GUI app has no console to show errors in."""

import logging

from desktop.app import _configure_logging


def test_errors_are_written_to_the_log_file_in_the_data_dir(tmp_path):
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        path = _configure_logging(tmp_path)
        logging.getLogger("desktop.operations").error("unexpected error in background operation: %s", "boom")
        for handler in root.handlers:
            handler.flush()
        assert path == tmp_path / "logs" / "dxnavi.log"
        assert "unexpected error in background operation: boom" in path.read_text(encoding="utf-8")
    finally:
        for handler in set(root.handlers) - set(before):
            root.removeHandler(handler)
            handler.close()
