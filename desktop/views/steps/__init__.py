"""The four step pages (ステップ0–3 of the 自治体DX全体手順書) and their shared checklist view."""
