"""The hub client's transport rules: TLS unless on this PC or an allowed LGWAN address; Retry-After honoured."""

import httpx
import pytest

from desktop.models.errors import ValidationError
from desktop.sync.client import RETRY_AFTER_MAX, check_url, retry_after


def test_https_is_required_except_to_this_pc():
    assert check_url("https://hub.pref.example.lg.jp") == ""
    assert check_url("http://127.0.0.1:8765") == ""
    assert check_url("http://localhost:8765/") == ""
    with pytest.raises(ValidationError, match="暗号化されていない"):
        check_url("http://10.20.30.40:8765")


def test_plain_http_to_an_allowed_lgwan_address_works_with_a_visible_warning():
    warning = check_url("http://10.20.30.40:8765", frozenset({"10.20.30.40"}))
    assert "暗号化されていません" in warning and "10.20.30.40" in warning


@pytest.mark.parametrize("url", ["", "hub.pref.example.lg.jp", "ftp://hub", "https://"])
def test_a_url_that_is_no_hub_address_is_refused_in_japanese(url):
    with pytest.raises(ValidationError, match="ハブのURL"):
        check_url(url)


def test_retry_after_is_read_as_seconds_or_as_a_date_and_capped():
    def answer(**headers):
        return httpx.Response(503, headers=headers)

    assert retry_after(answer(**{"Retry-After": "7"})) == 7.0
    dated = answer(
        **{"Retry-After": "Sun, 29 Nov 2026 03:00:30 GMT", "Date": "Sun, 29 Nov 2026 03:00:00 GMT"}
    )
    assert retry_after(dated) == 30.0
    assert retry_after(answer(**{"Retry-After": "86400"})) == RETRY_AFTER_MAX
    assert retry_after(answer()) is None
