"""全国地方公共団体コード: 6 digits = 都道府県 2 + 市区町村 3 + 検査数字 1.

The check digit follows 総務省「全国地方公共団体コード仕様」: weights 6..2, modulus 11, and only the ones
digit of (11 - r) is kept, so r = 0 gives 1 and r = 1 gives 0 (e.g. 131041 新宿区, 012050 室蘭市).
"""

from desktop.models.errors import ValidationError

# JIS X 0401 都道府県コード order.
PREFECTURES: tuple[str, ...] = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
    "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
    "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
    "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
    "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
)  # fmt: skip


def check_digit(code5: str) -> int:
    """Check digit of a 5-digit 団体コード body."""
    total = sum(int(c) * w for c, w in zip(code5, (6, 5, 4, 3, 2), strict=True))
    return (11 - total % 11) % 10


def validate(code: str) -> str:
    """Return the normalised 6-digit code or raise ValidationError with a Japanese message."""
    code = (code or "").strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if len(code) != 6 or not code.isascii() or not code.isdigit():
        raise ValidationError(f"団体コード「{code}」は6桁の数字で入力してください。", "code")
    pref = int(code[:2])
    if not 1 <= pref <= 47:
        raise ValidationError(f"団体コード「{code}」の都道府県部分（先頭2桁）が正しくありません。", "code")
    if check_digit(code[:5]) != int(code[5]):
        raise ValidationError(
            f"団体コード「{code}」の検査数字が一致しません（正しくは {code[:5]}{check_digit(code[:5])}）。",
            "code",
        )
    return code


def prefecture_of(code: str) -> str:
    """Prefecture name for a valid code."""
    return PREFECTURES[int(code[:2]) - 1]


def is_prefecture(code: str) -> bool:
    """Prefectures are PP000c."""
    return code[2:5] == "000"


def prefecture_code(code: str) -> str:
    """The prefecture's own 6-digit code for any code in it."""
    body = code[:2] + "000"
    return body + str(check_digit(body))
