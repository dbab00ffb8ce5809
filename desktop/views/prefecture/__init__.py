"""Prefecture mode pages (DESIGN.md §4a): 市町村一覧, 支援ニーズ, the catalog editors and 文書出力."""
