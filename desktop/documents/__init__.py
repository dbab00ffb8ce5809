"""Documents: pure builders (plain data in, file out) for the PDFs, XLSX and DOCX exports (DESIGN.md §6).

Qt-free and store-free: builders may import desktop.models only. Services gather the data
(desktop.services.documents, desktop.services.form_documents). Shared pieces: fonts (the one place that knows the
fonts), glyphs (missing characters), template (page template, styles, tables), output (atomic writes).
"""
