"""Documents: pure builders (plain data in, file out) for the PDFs, XLSX and DOCX exports (DESIGN.md §6).

Qt-free and store-free: builders may import desktop.models only. Services gather the data
(desktop.services.plan_documents, desktop.services.form_documents). Shared pieces: fonts (the one place that knows the
fonts), glyphs (missing characters), styles (page geometry, paragraph styles), text (paragraphs, 禁則), tables,
headings, contents (目次), pages (page template, write_pdf), output (atomic writes).
"""
