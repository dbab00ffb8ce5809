<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ja_JP">
<context>
    <name></name>
    <message>
        <source>1行に1件</source>
        <translation>One per line</translation>
    </message>
    <message>
        <source>1行に1件（https://…）</source>
        <translation>One per line (https://…)</translation>
    </message>
    <message>
        <source>1行に1件：タイトル | https://… | ライセンス</source>
        <translation>One per line: title | https://… | licence</translation>
    </message>
</context>
<context>
    <name>ActionButton</name>
    <message>
        <source>ステップ{0}</source>
        <translation>Step {0}</translation>
    </message>
    <message>
        <source>ステップ{0}：{1}</source>
        <translation>Step {0}: {1}</translation>
    </message>
    <message>
        <source>完了の目安: {0}

なぜ: {1}</source>
        <translation>Done when: {0}

Why: {1}</translation>
    </message>
</context>
<context>
    <name>AnnouncementsPage</name>
    <message>
        <source>{0}&#x3000;{1}</source>
        <translation>{0}  {1}</translation>
    </message>
    <message>
        <source>お知らせ</source>
        <translation>Announcements</translation>
    </message>
    <message>
        <source>県内のすべての市町村に届くお知らせです。市町村は「県からの案内」の画面で読みます。</source>
        <translation>Announcements reach every municipality of the prefecture; they read them on the “From the prefecture” page.</translation>
    </message>
    <message>
        <source>件名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>掲載日</source>
        <translation>Published on</translation>
    </message>
    <message>
        <source>本文</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>お知らせ</source>
        <comment>record noun</comment>
        <translation>Announcements</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>{0}&#x3000;{1}バックアップ</source>
        <translation>{0}  {1} backup</translation>
    </message>
    <message>
        <source>バックアップから復元</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>データファイルが壊れているため開けません。
復元するバックアップを選んでください（新しい順。壊れたファイルも復元の前に保管されます）。</source>
        <translation>The data file is damaged and cannot be opened.
Choose the backup to restore (newest first; the damaged file is kept before the restore).</translation>
    </message>
    <message>
        <source>復元する</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>復元せずに終了</source>
        <translation>Quit without restoring</translation>
    </message>
</context>
<context>
    <name>BasicTab</name>
    <message>
        <source>調達件名</source>
        <translation>Procurement title</translation>
    </message>
    <message>
        <source>調達方式</source>
        <translation>Procurement method</translation>
    </message>
    <message>
        <source>調達方法</source>
        <translation>Procurement method</translation>
    </message>
    <message>
        <source>代表団体</source>
        <translation>Lead body</translation>
    </message>
    <message>
        <source>共同調達の場合（例: 福井県）</source>
        <translation>For joint procurement (e.g. Fukui Prefecture)</translation>
    </message>
    <message>
        <source>按分方法</source>
        <translation>Cost split</translation>
    </message>
    <message>
        <source>（未設定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ひな形</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>共同調達では、代表団体（都道府県・協議会等）がRFI・事業者選定・契約・仕様書の取りまとめを担い、費用は按分方法（均等割・人口割・均等割＋人口割）で参加団体が負担します。</source>
        <translation>In a joint procurement the lead body (a prefecture, a council, etc.) runs the RFI, vendor selection, contract and spec, and the participating bodies share the cost by the cost split (equal share, by population, or equal share + by population).</translation>
    </message>
    <message>
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>CatalogTab</name>
    <message>
        <source>一覧</source>
        <translation>List</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Contents</translation>
    </message>
</context>
<context>
    <name>ChaptersTab</name>
    <message>
        <source>章の一覧</source>
        <translation>Chapters</translation>
    </message>
    <message>
        <source>記載する事項: {0}</source>
        <translation>Covers: {0}</translation>
    </message>
    <message>
        <source>この章の本文を入力します（1行が1段落になります）。</source>
        <translation>Type this chapter&apos;s text (each line becomes a paragraph).</translation>
    </message>
    <message>
        <source>記入済みの章</source>
        <translation>Chapters filled in</translation>
    </message>
    <message>
        <source>（未記入）</source>
        <translation> (empty)</translation>
    </message>
    <message>
        <source>記入済み {0} / {1} 章</source>
        <translation>{0} of {1} chapters filled in</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <source>進捗</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>チェック項目の一覧</source>
        <translation>Checklist items</translation>
    </message>
    <message>
        <source>項目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>担当</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>完了日</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>なぜ重要か</source>
        <translation>Why it matters</translation>
    </message>
    <message>
        <source>完了の目安</source>
        <translation>Done when</translation>
    </message>
    <message>
        <source>出典</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>例: 企画課 DX推進係 山田</source>
        <translation>e.g. Planning Div., DX team, Yamada</translation>
    </message>
    <message>
        <source>状況は 1〜4 のキー（1 未着手・2 対応中・3 完了・4 対象外）で変更します。F2 キーかダブルクリックで選択肢を開くこともできます。</source>
        <translation>Keys 1–4 set the status (1 not started, 2 in progress, 3 done, 4 not applicable). F2 or a double click opens the choice as well.</translation>
    </message>
    <message>
        <source>例: 研修資料や議事録のファイルの場所</source>
        <translation>e.g. where the training slides or minutes are filed</translation>
    </message>
    <message>
        <source>参照…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>根拠資料のファイルを選ぶ</source>
        <translation>Choose the evidence file</translation>
    </message>
    <message>
        <source>経緯や次にやることなど</source>
        <translation>Background, next steps, etc.</translation>
    </message>
    <message>
        <source>根拠資料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>{0}、{1}</source>
        <translation>{0}, {1}</translation>
    </message>
    <message>
        <source>完了 {done} / {total} 項目</source>
        <translation>{done} of {total} items done</translation>
    </message>
    <message>
        <source>（対象外 {na}）</source>
        <translation> ({na} not applicable)</translation>
    </message>
    <message>
        <source>根拠資料を選択</source>
        <translation>Choose evidence</translation>
    </message>
    <message>
        <source>すべてのファイル (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>同期の競合</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <source>同じ項目がこの端末と他の端末（またはハブ）の両方で変更されました。項目ごとに残す内容を選んでください。選んだ内容は次の同期でハブに送られます。</source>
        <translation>The same field was changed on this PC and on another PC (or the hub). Choose what to keep for each field; your choice is sent to the hub with the next sync.</translation>
    </message>
    <message>
        <source>競合の一覧</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>競合はありません。</source>
        <translation>No conflicts.</translation>
    </message>
    <message>
        <source>この端末の内容</source>
        <translation>This PC</translation>
    </message>
    <message>
        <source>ハブの内容（他の端末）</source>
        <translation>Hub (other PCs)</translation>
    </message>
    <message>
        <source>決める内容</source>
        <translation>Value to keep</translation>
    </message>
    <message>
        <source>残す内容を入力して「この内容で決める」を押します</source>
        <translation>Type the value to keep and press “Keep this value”</translation>
    </message>
    <message>
        <source>この端末の内容を残す(&amp;M)</source>
        <translation>Keep &amp;mine</translation>
    </message>
    <message>
        <source>ハブの内容を残す(&amp;T)</source>
        <translation>Keep &amp;theirs</translation>
    </message>
    <message>
        <source>この内容で決める(&amp;E)</source>
        <translation>Keep this valu&amp;e</translation>
    </message>
    <message>
        <source>編集して決める</source>
        <translation>Edit and decide</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{0}「{1}」の「{2}」</source>
        <translation>{0} “{1}”: {2}</translation>
    </message>
    <message>
        <source>（この端末では削除しました）</source>
        <translation>(deleted on this PC)</translation>
    </message>
    <message>
        <source>（他の端末で削除されました）</source>
        <translation>(deleted on another PC)</translation>
    </message>
    <message>
        <source>（他の端末で編集されました）</source>
        <translation>(edited on another PC)</translation>
    </message>
    <message>
        <source>一方で削除し、もう一方で編集しました。残す側を選んでください。</source>
        <translation>One side deleted the record while the other edited it. Choose which side to keep.</translation>
    </message>
    <message>
        <source>変更前の内容: {0}</source>
        <translation>Before the changes: {0}</translation>
    </message>
    <message>
        <source>（空欄）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>はい</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>いいえ</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>DateDelegate</name>
    <message>
        <source>例: 令和8年3月31日 / 2026-03-31</source>
        <translation>e.g. 2026-03-31 / 令和8年3月31日</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>例: 令和8年11月26日 / 2026-11-26</source>
        <translation>e.g. 2026-11-26 / 令和8年11月26日</translation>
    </message>
</context>
<context>
    <name>DemoExit</name>
    <message>
        <source>同期が終わってから、もう一度お試しください。</source>
        <translation>Please try again once the sync has finished.</translation>
    </message>
    <message>
        <source>デモ団体のデータを消去して、あなたの団体を登録します。

デモのデータは消去の前にバックアップとして次のフォルダに保存され、「ファイル」→「バックアップから復元」でいつでも戻せます。
{0}

デモで設定した同期（ハブのURLとトークン）は引き継ぎません。あなたの団体の同期は改めて設定してください。

続けますか？</source>
        <translation>The demo municipality&apos;s data will be erased and you will register your own municipality.

Before it is erased, the demo is saved as a backup in the folder below; you can go back to it at any time with File → Restore from backup.
{0}

The demo&apos;s sync settings (hub URL and token) are not carried over: set up sync again for your municipality.

Continue?</translation>
    </message>
    <message>
        <source>デモを終了して自分の団体を登録</source>
        <translation>Leave the demo and register your municipality</translation>
    </message>
    <message>
        <source>デモを終了しました</source>
        <translation>Demo closed</translation>
    </message>
    <message>
        <source>「{0}」を登録しました。これからはあなたの団体のデータで作業します。

デモ団体のデータは次のバックアップに保存しました。
{1}

「ファイル」→「バックアップから復元」で、いつでもデモに戻せます。</source>
        <translation>“{0}” is registered. From now on you work with your own municipality&apos;s data.

The demo municipality&apos;s data was saved in this backup:
{1}

You can go back to the demo at any time with File → Restore from backup.</translation>
    </message>
    <message>
        <source>デモのデータを {0} に保存しました。</source>
        <translation>The demo&apos;s data was saved to {0}.</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>PDF（印刷・配布用）</source>
        <translation>PDF (for printing and sharing)</translation>
    </message>
    <message>
        <source>Excel（XLSX）</source>
        <translation>Excel (XLSX)</translation>
    </message>
    <message>
        <source>Word（DOCX）</source>
        <translation>Word (DOCX)</translation>
    </message>
    <message>
        <source>PDF ファイル (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>Excel ブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Word 文書 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>DX推進計画</source>
        <translation>DX promotion plan</translation>
    </message>
    <message>
        <source>支援ニーズ調書</source>
        <translation>Support needs request</translation>
    </message>
    <message>
        <source>調達仕様書・要件定義書</source>
        <translation>Procurement spec and requirements</translation>
    </message>
    <message>
        <source>募集要項（ジョブディスクリプション）</source>
        <translation>Job description</translation>
    </message>
    <message>
        <source>進捗報告</source>
        <translation>Progress report</translation>
    </message>
    <message>
        <source>標準化(20業務)進捗表</source>
        <translation>Standardisation tracker (20 services)</translation>
    </message>
    <message>
        <source>KPI一覧</source>
        <translation>KPI list</translation>
    </message>
    <message>
        <source>すべての支援ニーズ</source>
        <translation>all support needs</translation>
    </message>
    <message>
        <source>議会の議決・公表に使う計画書です。表紙・目次・アクションプラン・工程表・KPIを含みます。DOCXはWordで最後の手直しをするときに使います。</source>
        <translation>The plan for council approval and publication, with cover, contents, action plans, roadmap and KPIs. Use DOCX for final edits in Word.</translation>
    </message>
    <message>
        <source>都道府県に提出する支援ニーズ調書です。PDFは1件ずつ、XLSXは全件の一覧です。</source>
        <translation>The support needs request for the prefecture. PDF: one request at a time; XLSX: all requests in one sheet.</translation>
    </message>
    <message>
        <source>章ア〜サの調達仕様書と、別紙の要件定義書（機能要件・非機能要件）です。</source>
        <translation>The procurement spec (chapters ア–サ) with the requirements definition (functional and non-functional) as an annex.</translation>
    </message>
    <message>
        <source>外部デジタル人材の募集要項（ジョブディスクリプション）です。</source>
        <translation>A job description for external digital talent.</translation>
    </message>
    <message>
        <source>ステップの進み具合・KPI・標準化（20業務）の状況をまとめた報告です。</source>
        <translation>A report on step progress, KPIs and the standardisation of the 20 core services.</translation>
    </message>
    <message>
        <source>20業務の標準化・ガバメントクラウド移行の進捗を都道府県の集計に使える表にします。</source>
        <translation>A sheet of the 20 services&apos; standardisation and Government Cloud migration, ready for the prefecture&apos;s survey.</translation>
    </message>
    <message>
        <source>KPIの基準値・目標値・実績値を年度ごとに一覧にします。</source>
        <translation>Baselines, targets and actuals of every KPI by fiscal year.</translation>
    </message>
    <message>
        <source>文書出力</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>議会・都道府県・事業者に渡す文書を作成します。PDFは画面で確認してから印刷・保存できます。作成は裏で進むので、その間も他の画面を使えます。</source>
        <translation>Create documents for the council, the prefecture and vendors. Check a PDF on screen, then print or save it. Documents are built in the background, so you can keep working meanwhile.</translation>
    </message>
    <message>
        <source>作成する文書(&amp;D)</source>
        <translation>&amp;Document</translation>
    </message>
    <message>
        <source>作成する文書</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>文書の説明</source>
        <translation>About this document</translation>
    </message>
    <message>
        <source>形式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>対象</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>対象(&amp;T)</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>形式(&amp;F)</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>例: 総務部市町村課</source>
        <translation>e.g. Municipal Affairs Division</translation>
    </message>
    <message>
        <source>宛先（都道府県の担当課）</source>
        <translation>Addressee (prefectural division)</translation>
    </message>
    <message>
        <source>空欄なら手書き用の欄</source>
        <translation>Leave empty to fill in by hand</translation>
    </message>
    <message>
        <source>文書番号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>発信日</source>
        <translation>Date sent</translation>
    </message>
    <message>
        <source>宛先（担当課）</source>
        <translation>Addressee (division)</translation>
    </message>
    <message>
        <source>作成(&amp;B)</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <source>作成時の注意</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>左で文書を選び「作成」を押すと、ここに出来上がりが表示されます。</source>
        <translation>Choose a document on the left and press “Create”; the result appears here.</translation>
    </message>
    <message>
        <source>作成した文書</source>
        <translation>Created document</translation>
    </message>
    <message>
        <source>印刷…(&amp;P)</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>名前を付けて保存…(&amp;S)</source>
        <translation>&amp;Save as…</translation>
    </message>
    <message>
        <source>既定のアプリで開く(&amp;O)</source>
        <translation>&amp;Open in default app</translation>
    </message>
    <message>
        <source>（{0}）</source>
        <translation>({0})</translation>
    </message>
    <message>
        <source>対象となる記録がまだありません。先に「{0}」の画面で作成してください。</source>
        <translation>There is nothing to make a “{0}” from yet. Create one on its page first.</translation>
    </message>
    <message>
        <source>対象を選んでください。</source>
        <translation>Choose a record.</translation>
    </message>
    <message>
        <source>「{0}」を作成しています…</source>
        <translation>Creating “{0}”…</translation>
    </message>
    <message>
        <source>文書の作成を取り消しました。</source>
        <translation>Document creation cancelled.</translation>
    </message>
    <message>
        <source>文書を作成しています</source>
        <translation>Creating the document</translation>
    </message>
    <message>
        <source>「{0}」を作成しました（{1}）。

この形式は画面では表示しません。「名前を付けて保存…」で保存するか、「既定のアプリで開く」で Excel / Word 等で開いてください。

{2}</source>
        <translation>Created “{0}” ({1}).

This format is not shown in the app. Use “Save as…” to keep it, or “Open in default app” to open it in Excel, Word, etc.

{2}</translation>
    </message>
    <message>
        <source>「{0}」を作成しました。</source>
        <translation>Created “{0}”.</translation>
    </message>
    <message>
        <source>（{0}ページ）</source>
        <translation> ({0} pages)</translation>
    </message>
    <message>
        <source>まだ作成していません</source>
        <translation>Nothing created yet</translation>
    </message>
    <message>
        <source>名前を付けて保存</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>{0} に保存しました。</source>
        <translation>Saved to {0}.</translation>
    </message>
    <message>
        <source>この形式を開くアプリが見つかりません。保存してから開いてください。</source>
        <translation>No application opens this format. Save the file and open it from there.</translation>
    </message>
    <message>
        <source>印刷</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>印刷しています…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>印刷しています（{0} / {1} ページ）</source>
        <translation>Printing (page {0} of {1})</translation>
    </message>
    <message>
        <source>印刷データを送りました。</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <source>印刷を中止しました。</source>
        <translation>Printing stopped.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>数字だけで入力してください（例: {0}）。単位や「約」などの文字は付けません。</source>
        <translation>Enter digits only (e.g. {0}), without units or words such as “about”.</translation>
    </message>
    <message>
        <source>整数で入力してください（例: {0}）。</source>
        <translation>Enter a whole number (e.g. {0}).</translation>
    </message>
    <message>
        <source>入力の誤り</source>
        <translation>Input problem</translation>
    </message>
    <message>
        <source>例: {0}</source>
        <translation>e.g. {0}</translation>
    </message>
    <message>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>フォルダー</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>ファイル</source>
        <translation>File</translation>
    </message>
    <message>
        <source>{0} ファイル</source>
        <translation>{0} file</translation>
    </message>
    <message>
        <source>場所(&amp;I):</source>
        <translation>Look &amp;in:</translation>
    </message>
    <message>
        <source>ファイル名(&amp;N):</source>
        <translation>File &amp;name:</translation>
    </message>
    <message>
        <source>ファイルの種類(&amp;T):</source>
        <translation>Files of &amp;type:</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>開く(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>自治体DXナビへようこそ</source>
        <translation>Welcome to DX Navi</translation>
    </message>
    <message>
        <source>総務省「自治体DX全体手順書」のステップ0〜3に沿って、自治体DXの取組を整理し、進捗を管理するアプリです。</source>
        <translation>DX Navi organises your municipality&apos;s DX work and tracks its progress along steps 0–3 of the Municipal DX Procedure Guide of the Ministry of Internal Affairs and Communications.</translation>
    </message>
    <message>
        <source>・ステップごとのチェックリストで「次に何をするか」が分かります
・DX推進計画、推進体制、標準化（20業務）の移行状況を一か所で管理します
・DX推進計画や支援ニーズ調書をPDF・Excelで出力できます
・データはこのパソコンの中に保存され、インターネットに接続しなくても使えます</source>
        <translation>• A checklist for each step shows what to do next
• Your DX plan, promotion structure and the migration of the 20 core services in one place
• Export the DX plan and support needs requests as PDF and Excel
• Data stays on this PC and everything works without an internet connection</translation>
    </message>
    <message>
        <source>あなたの団体を登録してください</source>
        <translation>Register your local government</translation>
    </message>
    <message>
        <source>団体コードは総務省の全国地方公共団体コード（6桁、最後の1桁は検査数字）です。登録した団体コードは後から変更できません。団体名や連絡先は、後から「団体情報」の画面で編集できます。</source>
        <translation>The code is the national local government code of the Ministry of Internal Affairs and Communications (6 digits, the last one a check digit). It cannot be changed once registered. The name and contact details can be edited later on the “Municipality details” page.</translation>
    </message>
    <message>
        <source>例: 182079</source>
        <translation>e.g. 182079</translation>
    </message>
    <message>
        <source>団体コード</source>
        <translation>Local government code</translation>
    </message>
    <message>
        <source>団体コードの確認結果</source>
        <translation>Code check result</translation>
    </message>
    <message>
        <source>例: 鯖江市</source>
        <translation>e.g. Sabae City</translation>
    </message>
    <message>
        <source>団体名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>団体コード(&amp;C)</source>
        <translation>Local government &amp;code</translation>
    </message>
    <message>
        <source>団体名(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>エラー</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>登録して始める(&amp;S)</source>
        <translation>Register and &amp;start</translation>
    </message>
    <message>
        <source>デモ団体で試す(&amp;D)</source>
        <translation>Try the &amp;demo</translation>
    </message>
    <message>
        <source>架空の団体と記入例のデータで、アプリの使い方を試せます。</source>
        <translation>Try the app with a fictional municipality and sample data.</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>「デモ団体で試す」では、架空の団体と記入例のデータで使い方を確かめられます。</source>
        <translation>“Try the demo” lets you explore the app with a fictional municipality and sample data.</translation>
    </message>
    <message>
        <source>自分の団体を登録</source>
        <translation>Register your municipality</translation>
    </message>
    <message>
        <source>デモを終了して自分の団体を登録</source>
        <translation>Leave the demo and register your municipality</translation>
    </message>
    <message>
        <source>登録すると、デモ団体のデータはバックアップに保存してから消去され、登録した団体で作業を始めます。キャンセルすれば、何も変わりません。</source>
        <translation>When you register, the demo municipality&apos;s data is saved in a backup and then erased, and you start working with the municipality you registered. Cancel changes nothing.</translation>
    </message>
    <message>
        <source>6桁を入力すると、都道府県を確認して表示します。</source>
        <translation>Type all 6 digits to check the code and see its prefecture.</translation>
    </message>
    <message>
        <source>✔ {0}の団体コードです（{1}）</source>
        <translation>✔ A code in {0} ({1})</translation>
    </message>
</context>
<context>
    <name>FiscalYearField</name>
    <message>
        <source>（未設定）</source>
        <translation>(not set)</translation>
    </message>
</context>
<context>
    <name>GoodPracticeFields</name>
    <message>
        <source>基本情報</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <source>タイトル</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>サブタイトル</source>
        <translation>Subtitle</translation>
    </message>
    <message>
        <source>事例実施年</source>
        <translation>Year carried out</translation>
    </message>
    <message>
        <source>事例の場所</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>対象組織</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>行政サービス分類</source>
        <translation>Administrative service category</translation>
    </message>
    <message>
        <source>テーマ（重点取組事項）</source>
        <translation>Theme (priority area)</translation>
    </message>
    <message>
        <source>キーワード</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <source>公開日</source>
        <translation>Published on</translation>
    </message>
    <message>
        <source>取り組み</source>
        <translation>The initiative</translation>
    </message>
    <message>
        <source>取り組みの概要</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>取り組み理由</source>
        <translation>Why it was undertaken</translation>
    </message>
    <message>
        <source>目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>挑戦したこと</source>
        <translation>What was tried</translation>
    </message>
    <message>
        <source>取り組み内容</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>導入での工夫</source>
        <translation>Ideas that helped the introduction</translation>
    </message>
    <message>
        <source>制約条件</source>
        <translation>Constraints</translation>
    </message>
    <message>
        <source>成果と学び</source>
        <translation>Results and lessons</translation>
    </message>
    <message>
        <source>成果</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>学んだこと</source>
        <translation>Lessons learned</translation>
    </message>
    <message>
        <source>評価の方法</source>
        <translation>How it was evaluated</translation>
    </message>
    <message>
        <source>普及</source>
        <translation>Spread to others</translation>
    </message>
    <message>
        <source>持続させる仕組み</source>
        <translation>How it is kept going</translation>
    </message>
    <message>
        <source>関連情報・連絡先</source>
        <translation>Related information and contact</translation>
    </message>
    <message>
        <source>利用した制度</source>
        <translation>Schemes used</translation>
    </message>
    <message>
        <source>協力者</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>イメージ</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>ビデオ</source>
        <translation>Videos</translation>
    </message>
    <message>
        <source>関連URL</source>
        <translation>Related URLs</translation>
    </message>
    <message>
        <source>関連事例</source>
        <translation>Related cases</translation>
    </message>
    <message>
        <source>連絡先名称</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>連絡先電話番号</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>連絡先メールアドレス</source>
        <translation>Contact email</translation>
    </message>
    <message>
        <source>連絡先URL</source>
        <translation>Contact URL</translation>
    </message>
</context>
<context>
    <name>GoodPracticesPage</name>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>（指定なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>好事例</source>
        <translation>Good practices</translation>
    </message>
    <message>
        <source>県内の団体の取組事例を掲載します。市町村は読み取り専用で閲覧できます。</source>
        <translation>Cases from bodies of the prefecture; municipalities can read them.</translation>
    </message>
    <message>
        <source>好事例</source>
        <comment>record noun</comment>
        <translation>Good practices</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>ホーム</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>デモ団体（架空の団体）のデータを表示しています。</source>
        <translation>You are looking at the demo municipality (a fictional one).</translation>
    </message>
    <message>
        <source>デモを終了して自分の団体を登録(&amp;E)</source>
        <translation>L&amp;eave the demo and register your municipality</translation>
    </message>
    <message>
        <source>デモのデータはバックアップに保存してから消去し、あなたの団体の登録に進みます。</source>
        <translation>The demo&apos;s data is saved in a backup, then erased, and you go on to register your municipality.</translation>
    </message>
    <message>
        <source>団体情報を編集(&amp;I)</source>
        <translation>Edit municipality &amp;details</translation>
    </message>
    <message>
        <source>団体名・首長の職名・人口・職員数・担当窓口を編集します（文書に印刷されます）。</source>
        <translation>Edit the name, the head&apos;s title, population, staff and the contact (printed on documents).</translation>
    </message>
    <message>
        <source>自治体DX全体手順書の進捗</source>
        <translation>Progress on the Municipal DX Procedure Guide</translation>
    </message>
    <message>
        <source>次に取り組むこと</source>
        <translation>Next actions</translation>
    </message>
    <message>
        <source>標準化（20業務）</source>
        <translation>Standardisation (20 core services)</translation>
    </message>
    <message>
        <source>標準化の画面を開く(&amp;S)</source>
        <translation>Open &amp;standardisation</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <source>{0}&#x3000;団体コード {1}</source>
        <translation>{0} · Local government code {1}</translation>
    </message>
    <message>
        <source>すべてのチェック項目が完了または対象外です。</source>
        <translation>Every checklist item is done or not applicable.</translation>
    </message>
    <message>
        <source>{0}（{1}年{2}月{3}日）</source>
        <translation>{0} ({1}-{2:02}-{3:02})</translation>
    </message>
    <message>
        <source>期限を過ぎています</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>本日が期限です</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>あと{0}日</source>
        <translation>{0} days left</translation>
    </message>
    <message>
        <source>出典: {0}</source>
        <translation>Source: {0}</translation>
    </message>
    <message>
        <source>本稼働</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>特定移行支援システム</source>
        <translation>Specific migration support</translation>
    </message>
    <message>
        <source>ガバメントクラウド</source>
        <translation>Government Cloud</translation>
    </message>
    <message>
        <source>未着手</source>
        <translation>Not started</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>パッケージの取込</source>
        <translation>Import a package</translation>
    </message>
    <message>
        <source>送信元</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>作成日時</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>通番</source>
        <translation>Sequence</translation>
    </message>
    <message>
        <source>添付文書</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>なし</source>
        <translation>None</translation>
    </message>
    <message>
        <source>署名鍵</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <source>指紋</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>送信元に確認した指紋と一致します。この署名鍵を承認します(&amp;A)</source>
        <translation>It matches the fingerprint confirmed with the sender. &amp;Approve this signing key</translation>
    </message>
    <message>
        <source>この送信元の署名鍵はまだ承認されていません。{0}の担当者に電話などで確かめた指紋と、次の指紋が一致することを確かめてください。一致しない場合は取り込まないでください。</source>
        <translation>This sender&apos;s signing key has not been approved yet. Check that the fingerprint below matches the one {0}&apos;s officer gave you by phone or another way. If it does not match, do not import.</translation>
    </message>
    <message>
        <source>この送信元の署名鍵はまだ承認されていません。{0}の支援ニーズ調書に印刷された指紋（または電話などで確かめた指紋）と、次の指紋が一致することを確かめてください。一致しない場合は取り込まないでください。</source>
        <translation>This sender&apos;s signing key has not been approved yet. Check that the fingerprint below matches the one printed on {0}&apos;s needs report (or given by phone). If it does not match, do not import.</translation>
    </message>
    <message>
        <source>承認済みの署名鍵です（{0}）。</source>
        <translation>An approved signing key ({0}).</translation>
    </message>
    <message>
        <source>取込の内容</source>
        <translation>What the import changes</translation>
    </message>
    <message>
        <source>結果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>記録の種類</source>
        <translation>Record kind</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>取り込む(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>InitiativeDetail</name>
    <message>
        <source>取組名</source>
        <translation>Initiative</translation>
    </message>
    <message>
        <source>例: 窓口の「書かない」申請の導入</source>
        <translation>e.g. “No-writing” applications at the counter</translation>
    </message>
    <message>
        <source>関連する重点取組事項</source>
        <translation>Related priority initiative</translation>
    </message>
    <message>
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>担当課</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>開始日</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>終了日</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>KPI・目標</source>
        <translation>KPIs and targets</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>段階</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>振り返り</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>次の改善</source>
        <translation>Next improvement</translation>
    </message>
    <message>
        <source>PDCAの記録</source>
        <comment>record noun</comment>
        <translation>PDCA review</translation>
    </message>
    <message>
        <source>PDCAの記録</source>
        <translation>PDCA reviews</translation>
    </message>
    <message>
        <source>評価（Check）と改善（Act）を繰り返し記録し、DX推進本部への報告に使います。</source>
        <translation>Record each evaluation (Check) and improvement (Act); they feed the reports to the DX headquarters.</translation>
    </message>
    <message>
        <source>日付未定</source>
        <translation>Date not set</translation>
    </message>
</context>
<context>
    <name>JobDetail</name>
    <message>
        <source>例: 特別職非常勤職員（地方公務員法第3条第3項第3号）／会計年度任用職員／任期付職員／業務委託</source>
        <translation>e.g. Special part-time post (Local Public Service Act Art. 3(3)(iii)) / fiscal-year appointee / fixed-term staff / contractor</translation>
    </message>
    <message>
        <source>職名</source>
        <translation>Post title</translation>
    </message>
    <message>
        <source>例: CIO補佐官</source>
        <translation>e.g. CIO adviser</translation>
    </message>
    <message>
        <source>募集人数</source>
        <translation>Positions</translation>
    </message>
    <message>
        <source>例: 1</source>
        <translation>e.g. 1</translation>
    </message>
    <message>
        <source>人材像</source>
        <translation>Role type</translation>
    </message>
    <message>
        <source>所属</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>例: 総務部DX推進課</source>
        <translation>e.g. General Affairs Dept., DX Promotion Div.</translation>
    </message>
    <message>
        <source>職務内容</source>
        <translation>Duties</translation>
    </message>
    <message>
        <source>必須スキル・経験</source>
        <translation>Required skills and experience</translation>
    </message>
    <message>
        <source>歓迎スキル・経験</source>
        <translation>Preferred skills and experience</translation>
    </message>
    <message>
        <source>任用形態</source>
        <translation>Appointment type</translation>
    </message>
    <message>
        <source>任期・更新</source>
        <translation>Term and renewal</translation>
    </message>
    <message>
        <source>例: 採用日〜年度末（再任可）</source>
        <translation>e.g. From appointment to the end of the fiscal year (renewable)</translation>
    </message>
    <message>
        <source>勤務日数・時間</source>
        <translation>Working days and hours</translation>
    </message>
    <message>
        <source>例: 月4日程度（リモート可）</source>
        <translation>e.g. About 4 days a month (remote possible)</translation>
    </message>
    <message>
        <source>勤務場所</source>
        <translation>Place of work</translation>
    </message>
    <message>
        <source>例: 市役所本庁舎・リモート</source>
        <translation>e.g. City hall main building / remote</translation>
    </message>
    <message>
        <source>報酬・費用弁償</source>
        <translation>Pay and expenses</translation>
    </message>
    <message>
        <source>例: 日額30,000円、旅費別途</source>
        <translation>e.g. ¥30,000 a day, travel paid separately</translation>
    </message>
    <message>
        <source>兼業・入札制限</source>
        <translation>Side jobs and bidding limits</translation>
    </message>
    <message>
        <source>守秘義務</source>
        <translation>Confidentiality</translation>
    </message>
    <message>
        <source>応募期限</source>
        <translation>Application deadline</translation>
    </message>
    <message>
        <source>応募方法・提出先</source>
        <translation>How and where to apply</translation>
    </message>
    <message>
        <source>選考方法</source>
        <translation>Selection</translation>
    </message>
    <message>
        <source>選考日程</source>
        <translation>Selection schedule</translation>
    </message>
    <message>
        <source>結果の通知</source>
        <translation>Notification of results</translation>
    </message>
    <message>
        <source>財源（内部用。募集要項には載りません）</source>
        <translation>Funding (internal; not printed in the notice)</translation>
    </message>
    <message>
        <source>応募書類</source>
        <translation>Application documents</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>JobsPage</name>
    <message>
        <source>（無題）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>{0}&#x3000;［{1}］</source>
        <translation>{0}  [{1}]</translation>
    </message>
    <message>
        <source>募集要項（人材）</source>
        <translation>Job descriptions</translation>
    </message>
    <message>
        <source>外部デジタル人材の募集要項（ジョブディスクリプション）を作ります。「自治体DX推進のための外部人材スキル標準」の4つの人材像から始めると、記入例が入ります。</source>
        <translation>Write job descriptions for external digital talent. Start from one of the four role types of the external talent skill standard for municipal DX to get worked examples.</translation>
    </message>
    <message>
        <source>新しい募集要項</source>
        <translation>New job description</translation>
    </message>
    <message>
        <source>募集要項</source>
        <comment>record noun</comment>
        <translation>job description</translation>
    </message>
    <message>
        <source>テンプレートから作成…(&amp;T)</source>
        <translation>From &amp;template…</translation>
    </message>
    <message>
        <source>この募集要項を出力(&amp;E)</source>
        <translation>&amp;Export this job description</translation>
    </message>
    <message>
        <source>スキル標準の人材像から:</source>
        <translation>From a skill-standard role type:</translation>
    </message>
    <message>
        <source>テンプレートから作成</source>
        <translation>Create from a template</translation>
    </message>
    <message>
        <source>人材像を選んでください。職務内容・必要なスキルなどの記入例が入った募集要項を作ります。</source>
        <translation>Choose a role type. The new job description comes with example duties, skills and more.</translation>
    </message>
    <message>
        <source>テンプレートから募集要項を作成しました。</source>
        <translation>Created a job description from the template.</translation>
    </message>
</context>
<context>
    <name>JointProcurementPage</name>
    <message>
        <source>団体名</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>参加意向</source>
        <translation>Intention</translation>
    </message>
    <message>
        <source>現行契約の満了日</source>
        <translation>Current contract ends</translation>
    </message>
    <message>
        <source>予算化の予定年度</source>
        <translation>Budget year</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>{0}［{1}］</source>
        <translation>{0} [{1}]</translation>
    </message>
    <message>
        <source>共同調達</source>
        <translation>Joint procurement</translation>
    </message>
    <message>
        <source>県が代表団体となる共同調達を案内し、市町村の参加意向（参加する／検討中／参加しない）を集めます。参加意向は各市町村が入力し、同期またはパッケージで送られてきたものがここに表示されます。</source>
        <translation>Offer joint procurements led by the prefecture and collect each municipality&apos;s intention (join / considering / not joining). Municipalities enter their intentions; those sent by sync or package are shown here.</translation>
    </message>
    <message>
        <source>件名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>対象システム</source>
        <translation>System</translation>
    </message>
    <message>
        <source>代表団体</source>
        <translation>Lead body</translation>
    </message>
    <message>
        <source>概要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>参加意向の回答期限</source>
        <translation>Reply by</translation>
    </message>
    <message>
        <source>利用開始予定</source>
        <translation>Planned start</translation>
    </message>
    <message>
        <source>スケジュール</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>費用の按分</source>
        <translation>Cost split</translation>
    </message>
    <message>
        <source>費用負担の考え方</source>
        <translation>How costs are shared</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>共同調達</source>
        <comment>record noun</comment>
        <translation>Joint procurement</translation>
    </message>
    <message>
        <source>市町村の参加意向</source>
        <translation>Municipalities&apos; intentions</translation>
    </message>
    <message>
        <source>{0} {1}団体</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>回答 {0}団体（{1}）</source>
        <translation>{0} replies ({1})</translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>まだ回答はありません。</source>
        <translation>No replies yet.</translation>
    </message>
</context>
<context>
    <name>KpiDetail</name>
    <message>
        <source>指標名</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>例: オンライン申請に対応した手続の数</source>
        <translation>e.g. Number of procedures that can be applied for online</translation>
    </message>
    <message>
        <source>単位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>例: 件、%、人</source>
        <translation>e.g. cases, %, people</translation>
    </message>
    <message>
        <source>基準値</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <source>基準年度</source>
        <translation>Baseline year</translation>
    </message>
    <message>
        <source>年度ごとの目標値と実績値</source>
        <translation>Targets and actuals by fiscal year</translation>
    </message>
    <message>
        <source>「全体方針」タブで計画期間（開始年度・終了年度）を設定すると、年度ごとの目標値と実績値を入力できます。</source>
        <translation>Set the plan period (first and last fiscal year) on the “Overall policy” tab to enter targets and actuals for each year.</translation>
    </message>
    <message>
        <source>年度ごとの目標と実績</source>
        <translation>Targets and actuals by fiscal year</translation>
    </message>
    <message>
        <source>数値を入力してください（例: 120、12.5）。空欄にすると値を消します。</source>
        <translation>Enter numbers (e.g. 120, 12.5). Clear a cell to remove its value.</translation>
    </message>
    <message>
        <source>目標値</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>実績値</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>自治体DXナビ — {0}</source>
        <translation>DX Navi — {0}</translation>
    </message>
    <message>
        <source>ナビゲーター</source>
        <translation>Navigator</translation>
    </message>
    <message>
        <source>未接続</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>同期の状態</source>
        <translation>Sync status</translation>
    </message>
    <message>
        <source>同期の競合</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>自治体DXナビ {0}</source>
        <translation>DX Navi {0}</translation>
    </message>
    <message>
        <source>保存済 {0}</source>
        <translation>Saved {0}</translation>
    </message>
    <message>
        <source>競合 {0}件</source>
        <translation>{0} conflict(s)</translation>
    </message>
    <message>
        <source>{0}（Ctrl+Z で元に戻せます）</source>
        <translation>{0} (Ctrl+Z to undo)</translation>
    </message>
    <message>
        <source>元に戻しました。</source>
        <translation>Undone.</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>自治体DXナビ {0}

自治体DX全体手順書のステップ0〜3に沿って、市町村のDX推進を支援するオフライン優先のアプリです。

データはこのパソコンに保存されます。都道府県との同期を設定するまでは、入力した内容はどこにも送信されません（ステータスバーの「未送信」は、まだ送っていない変更の件数です）。都道府県へは、支援ニーズ調書などの文書を出力して送付してください。</source>
        <translation>DX Navi {0}

An offline-first app that supports municipal DX along steps 0–3 of the Municipal DX Procedure Guide (自治体DX全体手順書).

Your data is stored on this PC. Until sync with the prefecture is set up, nothing you enter is sent anywhere (“unsent” in the status bar counts the changes not sent yet). Send documents such as the support needs request to the prefecture yourself.</translation>
    </message>
    <message>
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>バックアップを作成しています</source>
        <translation>Creating a backup</translation>
    </message>
    <message>
        <source>バックアップを作成しました: {0}</source>
        <translation>Backup created: {0}</translation>
    </message>
    <message>
        <source>復元するバックアップを選択</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <source>DXナビ バックアップ (*.sqlite3)</source>
        <translation>DX Navi backups (*.sqlite3)</translation>
    </message>
    <message>
        <source>バックアップから復元</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>現在のデータをこのバックアップの内容に置き換えます。現在のデータも自動でバックアップされます。続けますか？</source>
        <translation>This replaces the current data with the contents of the backup. The current data is backed up automatically first. Continue?</translation>
    </message>
    <message>
        <source>復元</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>復元しました。表示を更新します。</source>
        <translation>Restored. The display will now refresh.</translation>
    </message>
    <message>
        <source>復元しています</source>
        <translation>Restoring</translation>
    </message>
    <message>
        <source>データの点検</source>
        <translation>Data check</translation>
    </message>
    <message>
        <source>データを点検しています</source>
        <translation>Checking the data</translation>
    </message>
    <message>
        <source>団体情報(&amp;I)</source>
        <translation>Municipality &amp;details</translation>
    </message>
    <message>
        <source>デモを終了して自分の団体を登録(&amp;E)…</source>
        <translation>L&amp;eave the demo and register your municipality…</translation>
    </message>
    <message>
        <source>パッケージ(&amp;P)</source>
        <translation>&amp;Packages</translation>
    </message>
    <message>
        <source>パッケージを取り込む(&amp;I)…</source>
        <translation>&amp;Import a package…</translation>
    </message>
    <message>
        <source>支援ニーズのパッケージを作成(&amp;N)…</source>
        <translation>Create a &amp;needs package…</translation>
    </message>
    <message>
        <source>進捗のパッケージを作成(&amp;R)…</source>
        <translation>Create a p&amp;rogress package…</translation>
    </message>
    <message>
        <source>全データのパッケージを作成（別のパソコン用）(&amp;F)…</source>
        <translation>Create a &amp;full package (for another PC)…</translation>
    </message>
    <message>
        <source>この端末の署名鍵の指紋(&amp;K)…</source>
        <translation>This PC&apos;s signing &amp;key fingerprint…</translation>
    </message>
    <message>
        <source>バックアップを作成(&amp;B)</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>バックアップから復元(&amp;R)…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <source>データの点検(&amp;C)</source>
        <translation>&amp;Check data</translation>
    </message>
    <message>
        <source>終了(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>文字を大きく</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>文字を小さく</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <source>標準の文字サイズ</source>
        <translation>Standard text size</translation>
    </message>
    <message>
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>自治体DXナビについて</source>
        <translation>About DX Navi</translation>
    </message>
</context>
<context>
    <name>MunicipalityPage</name>
    <message>
        <source>団体情報</source>
        <translation>Municipality details</translation>
    </message>
    <message>
        <source>ここに入力した内容は、支援ニーズ調書・DX推進計画・募集要項などの文書に使われます。入力した項目は、次の項目へ移るとすぐに保存されます。</source>
        <translation>What you enter here is used in documents such as the support needs request, the DX plan and job descriptions. Each field is saved as soon as you move on to the next.</translation>
    </message>
    <message>
        <source>団体コード</source>
        <translation>Local government code</translation>
    </message>
    <message>
        <source>団体名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>例: 鯖江市</source>
        <translation>e.g. Sabae City</translation>
    </message>
    <message>
        <source>首長の職名</source>
        <translation>Head&apos;s title</translation>
    </message>
    <message>
        <source>人口（人）</source>
        <translation>Population</translation>
    </message>
    <message>
        <source>職員数（人）</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>担当部署</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>例: 総務部 情報統計課 DX推進係</source>
        <translation>e.g. General Affairs Dept., Information Div., DX team</translation>
    </message>
    <message>
        <source>担当者</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>例: 山田 太郎</source>
        <translation>e.g. Taro Yamada</translation>
    </message>
    <message>
        <source>電話番号</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <source>例: {0}（内線215）</source>
        <translation>e.g. {0} (ext. 215)</translation>
    </message>
    <message>
        <source>メールアドレス</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>例: {0}</source>
        <translation>e.g. {0}</translation>
    </message>
    <message>
        <source>団体</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>DX推進の担当窓口</source>
        <translation>DX contact</translation>
    </message>
    <message>
        <source>担当窓口は、都道府県や事業者からの問い合わせ先として文書に印刷されます。</source>
        <translation>The contact is printed on documents as the address for questions from the prefecture and vendors.</translation>
    </message>
    <message>
        <source>団体コード {0}（{1}）&#x3000;※団体コードは登録後に変更できません。</source>
        <translation>Code {0} ({1}). The code cannot be changed once registered.</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>ホーム</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>ステップ0&#x3000;認識共有・機運醸成</source>
        <translation>Step 0: Shared understanding &amp; momentum</translation>
    </message>
    <message>
        <source>ステップ1&#x3000;全体方針の決定</source>
        <translation>Step 1: Deciding the overall policy</translation>
    </message>
    <message>
        <source>ステップ2&#x3000;推進体制の整備</source>
        <translation>Step 2: Setting up the promotion structure</translation>
    </message>
    <message>
        <source>ステップ3&#x3000;DXの取組みの実行</source>
        <translation>Step 3: Carrying out DX initiatives</translation>
    </message>
    <message>
        <source>標準化（20業務）</source>
        <translation>Standardisation (20 core services)</translation>
    </message>
    <message>
        <source>支援ニーズ</source>
        <translation>Support needs</translation>
    </message>
    <message>
        <source>募集要項（人材）</source>
        <translation>Job descriptions</translation>
    </message>
    <message>
        <source>調達仕様書</source>
        <translation>Procurement specs</translation>
    </message>
    <message>
        <source>文書出力</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>県からの案内</source>
        <translation>From the prefecture</translation>
    </message>
    <message>
        <source>同期</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>団体情報</source>
        <translation>Municipality details</translation>
    </message>
    <message>
        <source>市町村一覧</source>
        <translation>Municipalities</translation>
    </message>
    <message>
        <source>人材プール</source>
        <translation>Talent pool</translation>
    </message>
    <message>
        <source>好事例</source>
        <translation>Good practices</translation>
    </message>
    <message>
        <source>共同調達</source>
        <translation>Joint procurement</translation>
    </message>
    <message>
        <source>お知らせ</source>
        <translation>Announcements</translation>
    </message>
</context>
<context>
    <name>NeedDetail</name>
    <message>
        <source>支援ニーズの内容</source>
        <translation>The support need</translation>
    </message>
    <message>
        <source>県からの回答</source>
        <translation>The prefecture&apos;s response</translation>
    </message>
    <message>
        <source>回答状況</source>
        <translation>Response</translation>
    </message>
    <message>
        <source>回答内容</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>例: 人材プールの登録人材Bを月4日で派遣します。開始日は担当から連絡します。</source>
        <translation>e.g. We can send pool member B for 4 days a month; we will contact you about the start date.</translation>
    </message>
    <message>
        <source>回答日</source>
        <translation>Answered on</translation>
    </message>
    <message>
        <source>回答する(&amp;R)</source>
        <translation>&amp;Respond</translation>
    </message>
    <message>
        <source>この団体あてのパッケージを作成(&amp;P)…</source>
        <translation>Create a &amp;package for this municipality…</translation>
    </message>
    <message>
        <source>この団体の支援ニーズへの回答と、人材プール・好事例・共同調達・お知らせを、署名付きのパッケージ（.dxpkg）にまとめます。同期しない団体へはこれを送付します。</source>
        <translation>Puts the answers to this municipality&apos;s support needs, the talent pool, good practices, joint procurement and announcements into a signed package (.dxpkg). Send it to municipalities that do not sync.</translation>
    </message>
    <message>
        <source>前回の回答</source>
        <translation>Last response</translation>
    </message>
    <message>
        <source>人材プールの候補（同じ人材像）</source>
        <translation>Talent pool candidates (same role)</translation>
    </message>
    <message>
        <source>人材プールの候補</source>
        <translation>Talent pool candidates</translation>
    </message>
    <message>
        <source>この候補を回答内容に入れる</source>
        <translation>Use this candidate in the message</translation>
    </message>
    <message>
        <source>左の一覧から支援ニーズを選んでください。</source>
        <translation>Choose a support need in the list on the left.</translation>
    </message>
    <message>
        <source>{0}〜{1}</source>
        <translation>{0} – {1}</translation>
    </message>
    <message>
        <source>月{0}日</source>
        <translation>{0} days a month</translation>
    </message>
    <message>
        <source>団体: {0}（{1}）</source>
        <translation>Body: {0} ({1})</translation>
    </message>
    <message>
        <source>区分: {0}</source>
        <translation>Category: {0}</translation>
    </message>
    <message>
        <source>人材像: {0}</source>
        <translation>Role: {0}</translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>派遣の形: {0}</source>
        <translation>Engagement: {0}</translation>
    </message>
    <message>
        <source>優先度: {0}</source>
        <translation>Priority: {0}</translation>
    </message>
    <message>
        <source>目的: {0}</source>
        <translation>Purpose: {0}</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>まだ回答していません</source>
        <translation>Not answered yet</translation>
    </message>
    <message>
        <source>{0}［{1}］{2}&#x3000;{3}</source>
        <translation>{0} [{1}] {2}  {3}</translation>
    </message>
    <message>
        <source>（この人材像の登録はありません）</source>
        <translation>(no one listed for this role)</translation>
    </message>
    <message>
        <source>人材プールの{0}（{1}）を派遣できます。日程は担当から連絡します。</source>
        <translation>We can send {0} ({1}) from the talent pool. We will contact you about the dates.</translation>
    </message>
    <message>
        <source>{0}の「{1}」への回答を記録しました（{2}）。市町村への送付は、同期またはカタログのパッケージで行います。</source>
        <translation>Recorded the response to “{1}” of {0} ({2}). It is sent to the municipality by sync or in a catalog package.</translation>
    </message>
</context>
<context>
    <name>NeedsDetail</name>
    <message>
        <source>件名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>例: 標準化移行のプロジェクト管理支援</source>
        <translation>e.g. Project management support for the standardisation migration</translation>
    </message>
    <message>
        <source>区分</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>人材像</source>
        <translation>Role type</translation>
    </message>
    <message>
        <source>（該当なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>常駐／随時</source>
        <translation>On site / on call</translation>
    </message>
    <message>
        <source>月あたり日数</source>
        <translation>Days per month</translation>
    </message>
    <message>
        <source>期間（開始）</source>
        <translation>Period (from)</translation>
    </message>
    <message>
        <source>期間（終了）</source>
        <translation>Period (to)</translation>
    </message>
    <message>
        <source>目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>詳細</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>優先度</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>財源</source>
        <translation>Funding</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>提出済みにする(&amp;U)</source>
        <translation>S&amp;ubmitted</translation>
    </message>
    <message>
        <source>件名・区分・目的などを確認して、提出済みとして記録します。都道府県への送付は、同期または支援ニーズ調書の送付で行います。</source>
        <translation>Checks the title, category, purpose and so on, then records the request as submitted. It reaches the prefecture through sync or by sending the support needs request document.</translation>
    </message>
    <message>
        <source>パッケージ(&amp;P)…</source>
        <translation>&amp;Package…</translation>
    </message>
    <message>
        <source>すべての支援ニーズと支援ニーズ調書を署名付きのパッケージ（.dxpkg）にまとめます。LGWANメールなどで都道府県に送れます。</source>
        <translation>Puts every need and the needs report into a signed package (.dxpkg) that can be sent to the prefecture by LGWAN mail or similar.</translation>
    </message>
    <message>
        <source>「{0}」を提出済みとして記録します。
都道府県への送付は、同期または支援ニーズ調書の送付で行います。記録後は都道府県の回答を待つ状態になります。よろしいですか？</source>
        <translation>Record “{0}” as submitted?
It reaches the prefecture through sync or by sending the support needs request document. The request then waits for the prefecture&apos;s answer.</translation>
    </message>
    <message>
        <source>提出済みにする</source>
        <translation>Mark as submitted</translation>
    </message>
    <message>
        <source>「{0}」を提出済みとして記録しました。都道府県への送付は、同期または支援ニーズ調書の送付で行います。</source>
        <translation>“{0}” is recorded as submitted. It reaches the prefecture through sync or by sending the support needs request document.</translation>
    </message>
    <message>
        <source>提出を取り下げる(&amp;W)</source>
        <translation>&amp;Withdraw</translation>
    </message>
    <message>
        <source>都道府県が回答する前なら、作成中に戻して修正できます。</source>
        <translation>Until the prefecture answers, you can take the request back to draft and edit it.</translation>
    </message>
    <message>
        <source>支援ニーズ調書を出力(&amp;E)</source>
        <translation>&amp;Export needs request</translation>
    </message>
    <message>
        <source>状況:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>都道府県からの回答</source>
        <translation>Prefecture&apos;s response</translation>
    </message>
    <message>
        <source>回答状況</source>
        <translation>Response</translation>
    </message>
    <message>
        <source>回答日</source>
        <translation>Answered on</translation>
    </message>
    <message>
        <source>回答内容</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>提出した支援ニーズを調書として出力できます。</source>
        <translation>A need can be printed as a request once it has been submitted.</translation>
    </message>
    <message>
        <source>―</source>
        <translation>—</translation>
    </message>
    <message>
        <source>（まだ回答はありません）</source>
        <translation>(no answer yet)</translation>
    </message>
    <message>
        <source>「{0}」の提出を取り下げて、作成中に戻しますか？</source>
        <translation>Withdraw “{0}” and take it back to draft?</translation>
    </message>
    <message>
        <source>提出を取り下げる</source>
        <translation>Withdraw submission</translation>
    </message>
    <message>
        <source>「{0}」を作成中に戻しました。</source>
        <translation>“{0}” is back in draft.</translation>
    </message>
</context>
<context>
    <name>NeedsPage</name>
    <message>
        <source>{0}・回答 {1}</source>
        <translation>{0} · answer: {1}</translation>
    </message>
    <message>
        <source>{0}・{1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>（無題）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>{0}&#x3000;［{1}］</source>
        <translation>{0}  [{1}]</translation>
    </message>
    <message>
        <source>支援ニーズ</source>
        <translation>Support needs</translation>
    </message>
    <message>
        <source>都道府県に求める支援（人材派遣・伴走支援・研修・共同調達など）を登録します。入力はその場で保存されます。内容が固まったら「提出済みにする」を押し、支援ニーズ調書を出力して都道府県へ送付してください。</source>
        <translation>Register the support you need from the prefecture (talent dispatch, hands-on support, training, joint procurement, etc.). Everything is saved as you type. When a request is ready, press “Submitted”, then export the support needs request and send it to the prefecture.</translation>
    </message>
    <message>
        <source>新しい支援ニーズ</source>
        <translation>New support need</translation>
    </message>
    <message>
        <source>支援ニーズ</source>
        <comment>record noun</comment>
        <translation>support need</translation>
    </message>
    <message>
        <source>絞り込み:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>人材像</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>団体名</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>件名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>区分</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>優先度</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>回答状況</source>
        <translation>Response</translation>
    </message>
    <message>
        <source>市町村から提出された支援ニーズの一覧です。ニーズを選んで回答状況と回答内容を入力し、「回答する」を押すと、回答が記録されます。市町村への送付は、同期またはカタログのパッケージで行います。回答欄のほかは市町村が入力した内容のため変更できません。</source>
        <translation>Support needs submitted by the municipalities. Choose a need, enter the response and a message and press “Respond” to record the response; it is sent to the municipality by sync or in a catalog package. Everything else was entered by the municipality and cannot be changed here.</translation>
    </message>
    <message>
        <source>{0}で絞り込み</source>
        <translation>Filter by {0}</translation>
    </message>
    <message>
        <source>{0}：すべて</source>
        <translation>{0}: all</translation>
    </message>
    <message>
        <source>支援ニーズの一覧</source>
        <translation>Support needs</translation>
    </message>
    <message>
        <source>{0}件</source>
        <translation>{0} needs</translation>
    </message>
</context>
<context>
    <name>NewSpecDialog</name>
    <message>
        <source>テンプレートから作成</source>
        <translation>Create from a template</translation>
    </message>
    <message>
        <source>ひな形を選び、調達件名を入力してください。章ア〜サの本文と要件定義書の行が記入例つきで入ります。</source>
        <translation>Choose a template and enter the procurement title. Chapters ア–サ and the requirement rows come filled in with examples.</translation>
    </message>
    <message>
        <source>例: 住民記録システム標準化移行業務</source>
        <translation>e.g. Migration of the resident records system to the standard</translation>
    </message>
    <message>
        <source>調達件名</source>
        <translation>Procurement title</translation>
    </message>
    <message>
        <source>調達件名(&amp;N)</source>
        <translation>Procurement &amp;title</translation>
    </message>
</context>
<context>
    <name>OffersTab</name>
    <message>
        <source>本団体の参加意向</source>
        <translation>Our intention</translation>
    </message>
    <message>
        <source>（未回答）</source>
        <translation>(no reply)</translation>
    </message>
    <message>
        <source>参加意向</source>
        <translation>Intention</translation>
    </message>
    <message>
        <source>現行契約の満了日</source>
        <translation>Current contract ends</translation>
    </message>
    <message>
        <source>予算化の予定年度</source>
        <translation>Budget year</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>入力した参加意向は、このパソコンに記録されます。県への送付は、同期またはパッケージで行います。</source>
        <translation>Your intention is recorded on this PC. It is sent to the prefecture by sync or in a package.</translation>
    </message>
    <message>
        <source>{0}［{1}］</source>
        <translation>{0} [{1}]</translation>
    </message>
    <message>
        <source>対象システム</source>
        <translation>System</translation>
    </message>
    <message>
        <source>代表団体</source>
        <translation>Lead body</translation>
    </message>
    <message>
        <source>概要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>参加意向の回答期限</source>
        <translation>Reply by</translation>
    </message>
    <message>
        <source>利用開始予定</source>
        <translation>Planned start</translation>
    </message>
    <message>
        <source>スケジュール</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>費用の按分</source>
        <translation>Cost split</translation>
    </message>
    <message>
        <source>費用負担の考え方</source>
        <translation>How costs are shared</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>参加意向を保存しました（{0}）。</source>
        <translation>Intention saved ({0}).</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>データの読み込み</source>
        <translation>Loading data</translation>
    </message>
    <message>
        <source>入力内容の保存</source>
        <translation>Saving your entry</translation>
    </message>
    <message>
        <source>この変更は保存されていません。</source>
        <translation>This change has not been saved.</translation>
    </message>
    <message>
        <source>バックグラウンドの処理</source>
        <translation>A background task</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>「{0}」の処理</source>
        <translation>The task “{0}”</translation>
    </message>
    <message>
        <source>処理</source>
        <translation>An operation</translation>
    </message>
    <message>
        <source>自治体DXナビ</source>
        <translation>DX Navi</translation>
    </message>
</context>
<context>
    <name>PackageExport</name>
    <message>
        <source>パッケージの保存先</source>
        <translation>Save the package as</translation>
    </message>
    <message>
        <source>自治体DXナビ パッケージ (*.dxpkg)</source>
        <translation>DX Navi package (*.dxpkg)</translation>
    </message>
    <message>
        <source>パッケージを作成しました: {0}（記録 {1}件、添付 {2}件）</source>
        <translation>Package created: {0} ({1} records, {2} attachments)</translation>
    </message>
    <message>
        <source>受け取る側で署名鍵の承認を求められたら、次の指紋を伝えてください:
{0}</source>
        <translation>When the receiver is asked to approve the signing key, give them this fingerprint:
{0}</translation>
    </message>
    <message>
        <source>パッケージの作成</source>
        <translation>Create a package</translation>
    </message>
    <message>
        <source>パッケージを作成しています</source>
        <translation>Creating the package</translation>
    </message>
    <message>
        <source>この端末の署名鍵</source>
        <translation>This PC&apos;s signing key</translation>
    </message>
    <message>
        <source>この端末でパッケージに署名する鍵の指紋です。受け取る側は、この指紋と一致することを確かめてから鍵を承認します（支援ニーズ調書にも印刷されます）。

{0}</source>
        <translation>The fingerprint of the key this PC signs packages with. The receiver approves the key only after checking it matches this fingerprint (it is also printed on the needs report).

{0}</translation>
    </message>
</context>
<context>
    <name>PackageImport</name>
    <message>
        <source>取り込むパッケージを選択</source>
        <translation>Choose a package to import</translation>
    </message>
    <message>
        <source>自治体DXナビ パッケージ (*.dxpkg)</source>
        <translation>DX Navi package (*.dxpkg)</translation>
    </message>
    <message>
        <source>取り込みました: {0}</source>
        <translation>Imported: {0}</translation>
    </message>
    <message>
        <source>パッケージを取り込んでいます</source>
        <translation>Importing the package</translation>
    </message>
    <message>
        <source>パッケージを確認しています</source>
        <translation>Checking the package</translation>
    </message>
</context>
<context>
    <name>ParticipantsTab</name>
    <message>
        <source>団体コード</source>
        <translation>Local government code</translation>
    </message>
    <message>
        <source>団体名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>人口</source>
        <translation>Population</translation>
    </message>
    <message>
        <source>負担割合（%）</source>
        <translation>Share (%)</translation>
    </message>
    <message>
        <source>按分方法</source>
        <translation>Cost split</translation>
    </message>
    <message>
        <source>参加団体の一覧</source>
        <translation>Participating bodies</translation>
    </message>
    <message>
        <source>負担割合の合計</source>
        <translation>Total share</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>負担割合を再計算</source>
        <translation>Recalculate shares</translation>
    </message>
    <message>
        <source>参加団体を追加</source>
        <translation>Add a participating body</translation>
    </message>
    <message>
        <source>例: 182079</source>
        <translation>e.g. 182079</translation>
    </message>
    <message>
        <source>団体コードの確認結果</source>
        <translation>Code check result</translation>
    </message>
    <message>
        <source>例: 越前市</source>
        <translation>e.g. Echizen City</translation>
    </message>
    <message>
        <source>例: 81000（人口割で按分する場合は必須）</source>
        <translation>e.g. 81000 (required for a split by population)</translation>
    </message>
    <message>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>共同調達に参加する団体と費用の負担割合です。団体名と人口は表の中で直接修正できます。按分方法は「基本情報」で選びます。</source>
        <translation>The bodies taking part in the joint procurement and their share of the cost. Edit names and populations directly in the table; choose the cost split on the “Basics” tab.</translation>
    </message>
    <message>
        <source>按分方法: {0}</source>
        <translation>Cost split: {0}</translation>
    </message>
    <message>
        <source>（未設定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>合計 {0}%（{1}団体）</source>
        <translation>Total {0}% ({1} bodies)</translation>
    </message>
    <message>
        <source>{0}団体・負担割合が未計算の団体があります</source>
        <translation>{0} bodies · some shares are not calculated yet</translation>
    </message>
    <message>
        <source>参加団体はまだありません</source>
        <translation>No participating bodies yet</translation>
    </message>
    <message>
        <source>6桁の団体コード（最後の1桁は検査数字）</source>
        <translation>6-digit code (the last digit is a check digit)</translation>
    </message>
    <message>
        <source>✔ {0}の団体コードです</source>
        <translation>✔ A code in {0}</translation>
    </message>
    <message>
        <source>参加団体「{0}」を追加しました。負担割合は「再計算」で更新します。</source>
        <translation>Added “{0}”. Use “Recalculate shares” to update the shares.</translation>
    </message>
    <message>
        <source>参加団体「{0}」を削除しました。</source>
        <translation>Removed “{0}”.</translation>
    </message>
    <message>
        <source>負担割合を再計算しました。</source>
        <translation>Shares recalculated.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>文書のプレビュー</source>
        <translation>Document preview</translation>
    </message>
    <message>
        <source>ページ数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>表示倍率</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>幅に合わせる</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>ページ全体</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>表示:</source>
        <translation>View:</translation>
    </message>
    <message>
        <source>全 {0} ページ</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <source>表示できません</source>
        <translation>Cannot display</translation>
    </message>
</context>
<context>
    <name>PoolTab</name>
    <message>
        <source>{0}&#x3000;{1}［{2}］</source>
        <translation>{0}  {1} [{2}]</translation>
    </message>
    <message>
        <source>月{0}日</source>
        <translation>{0} days a month</translation>
    </message>
    <message>
        <source>人材像</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>スキル・経験</source>
        <translation>Skills and experience</translation>
    </message>
    <message>
        <source>派遣の形</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>・</source>
        <translation>, </translation>
    </message>
    <message>
        <source>派遣可能期間</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>派遣の可否</source>
        <translation>Availability</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>派遣を希望するときは「支援ニーズ」から人材派遣として提出してください。</source>
        <translation>To ask for this person, submit a talent dispatch need under “Support needs”.</translation>
    </message>
</context>
<context>
    <name>PracticesTab</name>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>{0}年</source>
        <translation>{0}</translation>
    </message>
</context>
<context>
    <name>PrefectureCatalogPage</name>
    <message>
        <source>県からの案内</source>
        <translation>From the prefecture</translation>
    </message>
    <message>
        <source>都道府県から同期またはパッケージで届いたお知らせ・人材プール・好事例・共同調達の案内です（閲覧のみ）。共同調達には本団体の参加意向を入力できます。支援ニーズへの回答は「支援ニーズ」の画面に表示されます。</source>
        <translation>Announcements, talent pool, good practices and joint procurements from the prefecture, arrived by sync or package (read only). You can state your intention on a joint procurement. Responses to your support needs show on the “Support needs” page.</translation>
    </message>
    <message>
        <source>案内の種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>（まだ届いていません）</source>
        <translation>(nothing has arrived yet)</translation>
    </message>
    <message>
        <source>お知らせ</source>
        <translation>Announcements</translation>
    </message>
    <message>
        <source>人材プール</source>
        <translation>Talent pool</translation>
    </message>
    <message>
        <source>好事例</source>
        <translation>Good practices</translation>
    </message>
    <message>
        <source>共同調達</source>
        <translation>Joint procurement</translation>
    </message>
</context>
<context>
    <name>PriorityDetail</name>
    <message>
        <source>その年度の取組</source>
        <translation>Work in that year</translation>
    </message>
    <message>
        <source>年度ごとの取組</source>
        <translation>Work per fiscal year</translation>
    </message>
    <message>
        <source>「全体方針」タブで計画期間を設定すると、年度ごとの取組を入力できます。</source>
        <translation>Set the plan period on the “Overall policy” tab to enter the work for each fiscal year.</translation>
    </message>
    <message>
        <source>年度ごとの取組（工程表）</source>
        <translation>Work per fiscal year (roadmap)</translation>
    </message>
    <message>
        <source>工程表と実施スケジュールに、年度ごとに何をするかを短く書きます（例: 検討・調達、導入、運用）。空欄の年度は取組期間内なら網掛けだけで示します。</source>
        <translation>Write briefly what is done in each fiscal year, for the roadmap and the schedule (e.g. study and procurement, introduction, operation). An empty year within the period is shown shaded only.</translation>
    </message>
</context>
<context>
    <name>ProcurementPage</name>
    <message>
        <source>（無題）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>{0}
&#x3000;{1}・{2}</source>
        <translation>{0}
  {1} · {2}</translation>
    </message>
    <message>
        <source>調達仕様書</source>
        <translation>Procurement specs</translation>
    </message>
    <message>
        <source>調達仕様書（章ア〜サ）と別紙の要件定義書を作ります。ひな形（標準準拠システムへの移行・SaaS導入・共同調達）から始めると、記入例の入った仕様書ができます。○○の箇所は各団体で記入してください。</source>
        <translation>Write procurement specs (chapters ア–サ) with the requirements definition as an annex. Starting from a template (migration to a standard-compliant system, SaaS adoption, joint procurement) gives a spec with worked examples; fill in the ○○ parts for your municipality.</translation>
    </message>
    <message>
        <source>テンプレートから作成…(&amp;T)</source>
        <translation>From &amp;template…</translation>
    </message>
    <message>
        <source>この仕様書を出力(&amp;E)</source>
        <translation>&amp;Export this spec</translation>
    </message>
    <message>
        <source>調達仕様書</source>
        <comment>record noun</comment>
        <translation>procurement spec</translation>
    </message>
    <message>
        <source>空の仕様書を追加</source>
        <translation>Add a blank spec</translation>
    </message>
    <message>
        <source>新しい調達仕様書</source>
        <translation>New procurement spec</translation>
    </message>
    <message>
        <source>「{0}」を作成しました。</source>
        <translation>Created “{0}”.</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>保存できませんでした。</source>
        <translation>Could not be saved.</translation>
    </message>
</context>
<context>
    <name>RecordList</name>
    <message>
        <source>{0}の一覧</source>
        <translation>{0} list</translation>
    </message>
    <message>
        <source>{0}を追加</source>
        <translation>Add {0}</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>{0}を追加しました。</source>
        <translation>Added a new {0}.</translation>
    </message>
    <message>
        <source>{0}「{1}」を削除しました。</source>
        <translation>Deleted {0} “{1}”.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>県内市町村のDX推進状況（報告書）</source>
        <translation>DX progress of the prefecture&apos;s municipalities (report)</translation>
    </message>
    <message>
        <source>市町村一覧</source>
        <translation>Municipalities</translation>
    </message>
    <message>
        <source>支援ニーズ一覧</source>
        <translation>Support needs</translation>
    </message>
    <message>
        <source>人材プール</source>
        <translation>Talent pool</translation>
    </message>
    <message>
        <source>好事例</source>
        <translation>Good practices</translation>
    </message>
    <message>
        <source>共同調達と参加意向</source>
        <translation>Joint procurement and intentions</translation>
    </message>
    <message>
        <source>お知らせ</source>
        <translation>Announcements</translation>
    </message>
    <message>
        <source>表紙、推進体制7指標の団体別の表、ステップ別・20業務のグラフ、支援ニーズの集計を含む報告書です。</source>
        <translation>A report with a cover, the seven promotion-structure indicators per body, charts by step and for the 20 services, and a summary of support needs.</translation>
    </message>
    <message>
        <source>市町村ごとのステップの進捗、20業務、最終連絡、推進体制7指標（判定の根拠つき）です。</source>
        <translation>Per municipality: progress in the steps, the 20 services, last contact and the seven promotion-structure indicators (with how each was derived).</translation>
    </message>
    <message>
        <source>市町村から提出された支援ニーズと県の回答です。</source>
        <translation>The support needs submitted by the municipalities, with the prefecture&apos;s responses.</translation>
    </message>
    <message>
        <source>人材プールの掲載の一覧です。</source>
        <translation>Every listing of the talent pool.</translation>
    </message>
    <message>
        <source>好事例の一覧です。</source>
        <translation>Every good practice.</translation>
    </message>
    <message>
        <source>共同調達の案内ごとの、各市町村の参加意向です。</source>
        <translation>Each municipality&apos;s intention for every joint procurement offer.</translation>
    </message>
    <message>
        <source>お知らせの一覧です。</source>
        <translation>Every announcement.</translation>
    </message>
    <message>
        <source>文書出力</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>県全体の進捗報告（PDF）と、各一覧のExcelファイルを作成します。作成は裏で進むので、その間も他の画面を使えます。</source>
        <translation>Create the prefecture-wide progress report (PDF) and an Excel file of each list. They are built in the background, so you can keep working meanwhile.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;（{1}）</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; ({1})</translation>
    </message>
    <message>
        <source>作成して保存…</source>
        <translation>Create and save…</translation>
    </message>
    <message>
        <source>{0}を作成して保存</source>
        <translation>Create and save {0}</translation>
    </message>
    <message>
        <source>作成の結果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>名前を付けて保存</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>（{0}ページ）</source>
        <translation> ({0} pages)</translation>
    </message>
    <message>
        <source>「{0}」を保存しました{1}: {2}</source>
        <translation>Saved “{0}”{1}: {2}</translation>
    </message>
    <message>
        <source>{0}を保存しました。</source>
        <translation>Saved {0}.</translation>
    </message>
    <message>
        <source>{0}を作成しています</source>
        <translation>Creating {0}</translation>
    </message>
</context>
<context>
    <name>RequirementForm</name>
    <message>
        <source>区分</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>分類</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>要件</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <source>必須とする（満たさない提案は失格）</source>
        <translation>Mandatory (else the proposal fails)</translation>
    </message>
    <message>
        <source>（未選択）</source>
        <translation>(not chosen)</translation>
    </message>
</context>
<context>
    <name>RequirementsTab</name>
    <message>
        <source>区分</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>分類</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>要件</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <source>必須</source>
        <translation>Mandatory</translation>
    </message>
    <message>
        <source>要件の一覧</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <source>機能要件を追加</source>
        <translation>Add functional</translation>
    </message>
    <message>
        <source>非機能要件を追加</source>
        <translation>Add non-functional</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>要件定義書（別紙）に載る要件です。行を選ぶと下で編集できます。区分・分類は実践ガイドブック第5章によります。</source>
        <translation>The requirements listed in the requirements definition (annex). Select a row to edit it below. Types and categories follow chapter 5 of the practical guidebook.</translation>
    </message>
    <message>
        <source>機能要件 {0}件・非機能要件 {1}件</source>
        <translation>{0} functional · {1} non-functional</translation>
    </message>
    <message>
        <source>任意</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>要件を追加しました。内容を入力してください。</source>
        <translation>Requirement added. Type its text.</translation>
    </message>
    <message>
        <source>（要件を入力してください）</source>
        <translation>(type the requirement)</translation>
    </message>
    <message>
        <source>要件「{0}」を削除しました。</source>
        <translation>Deleted the requirement “{0}”.</translation>
    </message>
</context>
<context>
    <name>SpecDetail</name>
    <message>
        <source>基本情報</source>
        <translation>Basics</translation>
    </message>
    <message>
        <source>本文（ア〜サ）</source>
        <translation>Chapters</translation>
    </message>
    <message>
        <source>要件定義書</source>
        <translation>Requirements</translation>
    </message>
    <message>
        <source>参加団体</source>
        <translation>Participants</translation>
    </message>
</context>
<context>
    <name>StandardizationModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>業務名</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>作業段階</source>
        <translation>Work stage</translation>
    </message>
    <message>
        <source>事業者</source>
        <translation>Vendor</translation>
    </message>
    <message>
        <source>移行予定日</source>
        <translation>Planned go-live</translation>
    </message>
    <message>
        <source>特定移行
支援システム</source>
        <translation>Specific
support</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>ガバクラ</source>
        <translation>Gov Cloud</translation>
    </message>
    <message>
        <source>現契約の
満了日</source>
        <translation>Contract
ends</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>標準化手順書の作業項目のうち、現在取り組んでいる段階</source>
        <translation>The work item of the standardisation procedure guide you are on now</translation>
    </message>
    <message>
        <source>令和8年度以降の移行がやむを得ない「特定移行支援システム」に該当する（Space で切り替え）</source>
        <translation>Qualifies for specific migration support: migration from FY2026 (令和8年度) on is unavoidable (Space toggles)</translation>
    </message>
    <message>
        <source>特定移行支援システムに該当する理由（デジタル庁の集計区分）</source>
        <translation>Why it qualifies for specific migration support (the Digital Agency&apos;s categories)</translation>
    </message>
    <message>
        <source>ガバメントクラウドを利用する（Space で切り替え）</source>
        <translation>Uses the Government Cloud (Space toggles)</translation>
    </message>
    <message>
        <source>標準準拠システムの本稼働予定日</source>
        <translation>Planned go-live of the standard-compliant system</translation>
    </message>
    <message>
        <source>現行システムの契約が満了する日</source>
        <translation>End of the current system&apos;s contract</translation>
    </message>
    <message>
        <source>（未着手）</source>
        <translation>(not started)</translation>
    </message>
    <message>
        <source>はい</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>いいえ</source>
        <translation>No</translation>
    </message>
    <message>
        <source>移行予定日（{0}）が国の移行目標（{1}）より後になっています。期限内の移行が難しい場合は、特定移行支援システムに該当するかを確認し、該当すれば「特定移行支援システム」に印を付けて理由を選んでください。</source>
        <translation>The planned go-live ({0}) is after the national target ({1}). If migrating in time is not possible, check whether the system qualifies for specific migration support; if it does, tick “Specific support” and choose a reason.</translation>
    </message>
    <message>
        <source>例: 令和8年3月31日 / 2026-03-31（空欄にすると未定）</source>
        <translation>e.g. 2026-03-31 / 令和8年3月31日 (leave empty if undecided)</translation>
    </message>
    <message>
        <source>作業段階「{0}」は選択肢にありません。</source>
        <translation>“{0}” is not one of the work stages.</translation>
    </message>
    <message>
        <source>理由「{0}」は選択肢にありません。</source>
        <translation>“{0}” is not one of the reasons.</translation>
    </message>
</context>
<context>
    <name>StandardizationPage</name>
    <message>
        <source>{0}年{1}月{2}日</source>
        <translation>{0}-{1:02}-{2:02}</translation>
    </message>
    <message>
        <source>{0}末（{1}）</source>
        <translation>end of {0} ({1})</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>標準化（20業務）</source>
        <translation>Standardisation (20 core services)</translation>
    </message>
    <message>
        <source>集計</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>入力エラー</source>
        <translation>Input error</translation>
    </message>
    <message>
        <source>20業務の移行状況</source>
        <translation>Migration status of the 20 services</translation>
    </message>
    <message>
        <source>セルを選んで Enter・F2 または文字入力で編集し、Space で印を切り替えます。日付は「令和8年3月31日」や「2026-03-31」の形で入力します（空欄にすると未定）。変更はすぐに保存されます。色の付いた行は、国の移行目標より後に移行予定で、特定移行支援システムの印が付いていない業務です。</source>
        <translation>Select a cell and press Enter or F2, or just type, to edit it; Space toggles a tick. Enter dates as 2026-03-31 or 令和8年3月31日 (leave empty if undecided). Changes are saved at once. Highlighted rows are services planned to go live after the national target without the specific migration support tick.</translation>
    </message>
    <message>
        <source>標準準拠システムへの移行目標: {0}</source>
        <translation>Target for moving to standard-compliant systems: {0}</translation>
    </message>
    <message>
        <source>本稼働 {0} / {1}業務</source>
        <translation>Live: {0} of {1} services</translation>
    </message>
    <message>
        <source>特定移行支援システム {0}</source>
        <translation>Specific migration support: {0}</translation>
    </message>
    <message>
        <source>ガバメントクラウド {0}</source>
        <translation>Government Cloud: {0}</translation>
    </message>
    <message>
        <source>未着手 {0}</source>
        <translation>Not started: {0}</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}&apos;&gt;移行目標より後の予定（特定移行支援システム未指定） {1}&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:{0}&apos;&gt;Planned after the target (no specific support tick): {1}&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>StartupMessages</name>
    <message>
        <source>自治体DXナビ</source>
        <translation>DX Navi</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>このデータフォルダ（{0}）は別の自治体DXナビで使用中です。もう一方のウィンドウを閉じてから起動してください。</source>
        <translation>This data folder ({0}) is in use by another DX Navi window. Close the other window, then start again.</translation>
    </message>
    <message>
        <source>データフォルダ（{0}）を開けませんでした。ディスクの空き容量が足りません。これまでに保存したデータは壊れていません。不要なファイルを削除するなどして空き容量を確保してから、もう一度起動してください。</source>
        <translation>The data folder ({0}) could not be opened: the disk is full. The data saved so far is intact. Free some space (delete files you no longer need, for example), then start again.</translation>
    </message>
    <message>
        <source>データフォルダ（{0}）を作成または変更できませんでした。フォルダが読み取り専用か、書き込む権限がありません。フォルダの設定を確認するか、書き込めるフォルダを指定してください。</source>
        <translation>The data folder ({0}) could not be created or changed: the folder is read-only, or you may not write to it. Check the folder&apos;s settings, or choose a folder you can write to.</translation>
    </message>
    <message>
        <source>データファイルが壊れているため開けません（{0}）。バックアップもありません。壊れたファイルは削除せず、別の場所にコピーして保管してください。</source>
        <translation>The data file is damaged and cannot be opened ({0}). There is no backup either. Do not delete the damaged file: copy it to another place and keep it.</translation>
    </message>
    <message>
        <source>このデータは新しいバージョンの自治体DXナビで作成されています（{0}）。アプリを最新版に更新してから開いてください。</source>
        <translation>This data was written by a newer version of DX Navi ({0}). Update the app to the latest version, then open it.</translation>
    </message>
    <message>
        <source>選んだバックアップから復元できませんでした。データフォルダ（{0}）は元のままです。別のバックアップを選ぶか、「dxnavi backup --list」で一覧を確かめてください。</source>
        <translation>The chosen backup could not be restored. The data folder ({0}) is as it was. Choose another backup, or see the list with &quot;dxnavi backup --list&quot;.</translation>
    </message>
    <message>
        <source>データフォルダ（{0}）を開けませんでした。場所がフォルダであること、そのフォルダを使えることを確かめるか、別のフォルダを指定してください。</source>
        <translation>The data folder ({0}) could not be opened. Check that the path is a folder you can use, or choose another folder.</translation>
    </message>
    <message>
        <source>データフォルダ（{0}）は読み取り専用です（書き込む権限がないか、読み取り専用の媒体です）。このままでは入力を保存できないため、アプリを起動しません。</source>
        <translation>The data folder ({0}) is read-only (you may not write to it, or it is on a read-only medium). Nothing you enter could be saved there, so the app does not start.</translation>
    </message>
    <message>
        <source>データは読み取って点検しました。問題はありません。何も変更していません。</source>
        <translation>The data was read and checked: it is sound. Nothing was changed.</translation>
    </message>
    <message>
        <source>データを読み取って点検したところ、問題が見つかりました（「dxnavi check」で詳しく確かめられます）。何も変更していません。</source>
        <translation>The data was read and checked, and a problem was found (&quot;dxnavi check&quot; shows the details). Nothing was changed.</translation>
    </message>
    <message>
        <source>フォルダに書き込めるようにする（権限は情報システム担当に依頼してください）か、フォルダごと書き込める場所にコピーし、コピー先を --data-dir（または環境変数 DXNAVI_HOME）で指定して起動してください。</source>
        <translation>Make the folder writable (ask your IT staff for the permission), or copy the whole folder to a place you can write to and start the app with the copy given as --data-dir (or the DXNAVI_HOME environment variable).</translation>
    </message>
</context>
<context>
    <name>Step0Page</name>
    <message>
        <source>ステップ0&#x3000;認識共有・機運醸成</source>
        <translation>Step 0: Shared understanding &amp; momentum</translation>
    </message>
    <message>
        <source>DXとは何か、なぜ必要かを全庁で共有し、首長・幹部職員のリーダーシップのもとで取組の機運を高める段階です。住民目線の考え方を職員一人ひとりが身に付けることを目指します。研修や説明会を行ったときは「実施記録」に記録します。</source>
        <translation>This step shares across the whole organisation what DX is and why it is needed, and builds momentum under the leadership of the mayor and senior staff, so that every member of staff thinks from the residents&apos; point of view. Record each seminar or briefing under “Activity log”.</translation>
    </message>
    <message>
        <source>実施日</source>
        <translation>Held on</translation>
    </message>
    <message>
        <source>種別</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>件名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>例: 令和8年度 全職員向けDX研修</source>
        <translation>e.g. FY2026 DX training for all staff</translation>
    </message>
    <message>
        <source>参加人数</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>内容、講師、アンケート結果など</source>
        <translation>Content, speaker, survey results, etc.</translation>
    </message>
    <message>
        <source>実施記録</source>
        <comment>record noun</comment>
        <translation>activity</translation>
    </message>
    <message>
        <source>実施記録</source>
        <translation>Activity log</translation>
    </message>
    <message>
        <source>首長・幹部向け研修、全職員向け研修、議会や住民への説明などを記録します。記録は進捗報告にも使われます。</source>
        <translation>Record seminars for the mayor and senior staff, training for all staff, briefings for the council and residents, and so on. The log also feeds the progress report.</translation>
    </message>
    <message>
        <source>日付未定</source>
        <translation>Date not set</translation>
    </message>
</context>
<context>
    <name>Step1Page</name>
    <message>
        <source>ステップ1&#x3000;全体方針の決定</source>
        <translation>Step 1: Deciding the overall policy</translation>
    </message>
    <message>
        <source>DXの全体方針（ビジョン、取組の全体像、工程表）を決める段階です。単独の「DX推進計画」として策定するほか、総合計画や情報化計画に盛り込む方法もあります。重点取組事項ごとにアクションプランを作成し、KPIで進捗を管理します。</source>
        <translation>This step decides the overall DX policy (vision, the big picture of the initiatives, roadmap), as a stand-alone “DX promotion plan” or as part of the comprehensive or IT plan. Write an action plan for each priority initiative and track progress with KPIs.</translation>
    </message>
    <message>
        <source>独自の取組</source>
        <translation>Own initiative</translation>
    </message>
    <message>
        <source>入力した内容はすぐに保存され、「文書出力」のDX推進計画に反映されます。</source>
        <translation>Everything you type is saved at once and appears in the DX promotion plan under “Documents”.</translation>
    </message>
    <message>
        <source>全体方針</source>
        <translation>Overall policy</translation>
    </message>
    <message>
        <source>自治体DX推進計画の重点取組事項から選んで追加し、取組ごとに概要・現状と課題・今後の展開・評価指標・実施スケジュール（アクションプラン）を記入します。独自の取組も追加できます。</source>
        <translation>Add priority initiatives of the Municipal DX Promotion Plan and write, for each, the overview, current state and issues, next steps, indicators and schedule (the action plan). You can add your own initiatives too.</translation>
    </message>
    <message>
        <source>重点取組事項とアクションプラン</source>
        <translation>Priority initiatives and action plans</translation>
    </message>
    <message>
        <source>（指標名未入力）</source>
        <translation>(no indicator name)</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPIs</translation>
    </message>
    <message>
        <source>評価指標（KPI）ごとに基準値と、計画期間の各年度の目標値・実績値を記録します。</source>
        <translation>Record each indicator&apos;s (KPI&apos;s) baseline and its targets and actuals for every fiscal year of the plan period.</translation>
    </message>
    <message>
        <source>重点取組事項</source>
        <comment>record noun</comment>
        <translation>priority initiative</translation>
    </message>
    <message>
        <source>KPI</source>
        <comment>record noun</comment>
        <translation>KPI</translation>
    </message>
    <message>
        <source>計画の名称</source>
        <translation>Plan name</translation>
    </message>
    <message>
        <source>例: ○○市DX推進計画</source>
        <translation>e.g. ○○ City DX Promotion Plan</translation>
    </message>
    <message>
        <source>策定日</source>
        <translation>Adopted on</translation>
    </message>
    <message>
        <source>議決日（議決を経た場合）</source>
        <translation>Council vote (if voted on)</translation>
    </message>
    <message>
        <source>改定日（改定した場合）</source>
        <translation>Revised on (if revised)</translation>
    </message>
    <message>
        <source>策定の趣旨</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>現状と課題：国の動向</source>
        <translation>Situation: national trends</translation>
    </message>
    <message>
        <source>例: 自治体DX推進計画の改定、標準準拠システムへの移行期限など</source>
        <translation>e.g. revisions of the national DX plan, the deadline for standard-compliant systems</translation>
    </message>
    <message>
        <source>現状と課題：団体の現状</source>
        <translation>Situation: this municipality</translation>
    </message>
    <message>
        <source>例: 人口と職員数の推移、窓口や業務の課題、これまでの取組</source>
        <translation>e.g. population and staff trends, issues at the counters and in the work, what has been done so far</translation>
    </message>
    <message>
        <source>ビジョン</source>
        <translation>Vision</translation>
    </message>
    <message>
        <source>目指す姿</source>
        <translation>Where you want to be</translation>
    </message>
    <message>
        <source>基本理念</source>
        <translation>Basic principles</translation>
    </message>
    <message>
        <source>実施スケジュールの補足</source>
        <translation>Schedule notes</translation>
    </message>
    <message>
        <source>計画期間（開始年度）</source>
        <translation>Plan period (first year)</translation>
    </message>
    <message>
        <source>計画期間（終了年度）</source>
        <translation>Plan period (last year)</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>進捗管理の方法</source>
        <translation>Progress management</translation>
    </message>
    <message>
        <source>例: DX推進本部で年2回、KPIの達成状況を確認する</source>
        <translation>e.g. The DX headquarters reviews the KPIs twice a year</translation>
    </message>
    <message>
        <source>用語解説（任意）</source>
        <translation>Glossary (optional)</translation>
    </message>
    <message>
        <source>1行に1語、「用語：説明」の形で書きます（例: BPR：業務の進め方の見直し）</source>
        <translation>One term per line as “term：explanation” (e.g. BPR：reviewing how the work is done)</translation>
    </message>
    <message>
        <source>推進体制に氏名を記載する</source>
        <translation>Print names in the promotion structure</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>概要</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>現状・課題</source>
        <translation>Current state and issues</translation>
    </message>
    <message>
        <source>今後の展開</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <source>評価指標</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>開始年度</source>
        <translation>First year</translation>
    </message>
    <message>
        <source>終了年度</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>（名称未入力）</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>［独自］</source>
        <translation>[Own] </translation>
    </message>
    <message>
        <source>推進計画の重点取組事項から追加</source>
        <translation>Add from the plan&apos;s priority initiatives</translation>
    </message>
    <message>
        <source>あわせて取り組むべき事項</source>
        <translation>Related items</translation>
    </message>
    <message>
        <source>（すべて追加済みです）</source>
        <translation>(all added)</translation>
    </message>
    <message>
        <source>独自の取組を追加</source>
        <translation>Add your own initiative</translation>
    </message>
</context>
<context>
    <name>Step2Page</name>
    <message>
        <source>追加する役職を「役職を追加」の一覧から選んでください。</source>
        <translation>Choose the post to add from the “Add post” list.</translation>
    </message>
    <message>
        <source>ステップ2&#x3000;推進体制の整備</source>
        <translation>Step 2: Setting up the promotion structure</translation>
    </message>
    <message>
        <source>首長のリーダーシップのもと、CIO（副市長等が望ましいとされています）を中心とする全庁的な推進体制を整え、DXを担うデジタル人材を確保・育成する段階です。</source>
        <translation>This step sets up an organisation-wide promotion structure around a CIO (ideally a deputy mayor) under the mayor&apos;s leadership, and secures and develops the digital talent to carry DX.</translation>
    </message>
    <message>
        <source>CIO、CIO補佐官、DX推進本部、DX推進リーダーなどの役職と、任命された人を記録します。外部人材を任用した役職には「外部人材」の印を付けます。</source>
        <translation>Record posts such as the CIO, the CIO adviser, the DX headquarters and DX promotion leaders, and who holds them. Tick “External talent” for posts filled from outside.</translation>
    </message>
    <message>
        <source>推進体制</source>
        <translation>Promotion structure</translation>
    </message>
    <message>
        <source>役職</source>
        <comment>record noun</comment>
        <translation>post</translation>
    </message>
    <message>
        <source>不足する人材</source>
        <comment>record noun</comment>
        <translation>talent gap</translation>
    </message>
    <message>
        <source>外部人材スキル標準の4つの人材像のうち、不足しているものと確保の方法を整理します。都道府県の人材プールなどの支援が必要な場合は、ここでの整理をもとに「支援ニーズ」から都道府県へ依頼します。</source>
        <translation>List which of the four role types of the external talent skill standard you lack and how to fill them. If you need support such as the prefecture&apos;s talent pool, ask for it under “Support needs” based on this list.</translation>
    </message>
    <message>
        <source>人材の不足</source>
        <translation>Talent gaps</translation>
    </message>
    <message>
        <source>役職名</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>現職・所属</source>
        <translation>Current position</translation>
    </message>
    <message>
        <source>例: 副市長、総務部長</source>
        <translation>e.g. Deputy mayor, Director of General Affairs</translation>
    </message>
    <message>
        <source>任命日</source>
        <translation>Appointed on</translation>
    </message>
    <message>
        <source>外部人材</source>
        <translation>External talent</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>任用形態、任期、勤務日数など</source>
        <translation>Appointment type, term, working days, etc.</translation>
    </message>
    <message>
        <source>人材像</source>
        <translation>Role type</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>どの取組で、どのような力が必要か</source>
        <translation>Which initiative needs which skills</translation>
    </message>
    <message>
        <source>確保の方法</source>
        <translation>How to fill</translation>
    </message>
    <message>
        <source>優先度</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>（未任命）</source>
        <translation>(vacant)</translation>
    </message>
    <message>
        <source>・外部</source>
        <translation> · external</translation>
    </message>
    <message>
        <source>{role}（優先度 {priority}）</source>
        <translation>{role} (priority: {priority})</translation>
    </message>
    <message>
        <source>（役職の一覧を読み込んでいます）</source>
        <translation>(loading the posts…)</translation>
    </message>
</context>
<context>
    <name>Step3Page</name>
    <message>
        <source>ステップ3&#x3000;DXの取組みの実行</source>
        <translation>Step 3: Carrying out DX initiatives</translation>
    </message>
    <message>
        <source>重点取組事項に沿って取組を実行し、KPIとPDCAサイクルで進捗を管理する段階です。書面・押印・対面の見直し（BPR）と住民・利用者の目線を徹底し、小さく始めて広げていきます。</source>
        <translation>This step carries out the initiatives along the priority initiatives and manages progress with KPIs and the PDCA cycle: rethink paper, seals and face-to-face procedures (BPR), keep the residents&apos; and users&apos; point of view, start small and scale up.</translation>
    </message>
    <message>
        <source>取組</source>
        <comment>record noun</comment>
        <translation>initiative</translation>
    </message>
    <message>
        <source>標準化（20業務）を開く</source>
        <translation>Open standardisation</translation>
    </message>
    <message>
        <source>標準化（20業務）のページを開く</source>
        <translation>Open the standardisation (20 core services) page</translation>
    </message>
    <message>
        <source>20業務の標準化は『標準化（20業務）』ページで管理します。</source>
        <translation>The 20 core services are tracked on the “Standardisation (20 core services)” page.</translation>
    </message>
    <message>
        <source>取組とPDCA</source>
        <translation>Initiatives and PDCA</translation>
    </message>
    <message>
        <source>（取組名未入力）</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>［{0}］{1}</source>
        <translation>[{0}] {1}</translation>
    </message>
</context>
<context>
    <name>StepButton</name>
    <message>
        <source>ステップ{0}</source>
        <translation>Step {0}</translation>
    </message>
    <message>
        <source>完了 {0} / {1}</source>
        <translation>{0} of {1} done</translation>
    </message>
    <message>
        <source>対応中 {0}</source>
        <translation>{0} in progress</translation>
    </message>
    <message>
        <source>ステップ{0} {1}：完了 {2} / {3}（{4}%）</source>
        <translation>Step {0} {1}: {2} of {3} done ({4}%)</translation>
    </message>
    <message>
        <source>{0}
クリックまたは Enter でステップの画面を開きます。</source>
        <translation>{0}
Click or press Enter to open the step.</translation>
    </message>
</context>
<context>
    <name>StepPage</name>
    <message>
        <source>作業の切り替え</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>チェックリスト</source>
        <translation>Checklist</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>同期を中止しました</source>
        <translation>Sync cancelled</translation>
    </message>
    <message>
        <source>同期</source>
        <translation>Syncing</translation>
    </message>
    <message>
        <source>同期中…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>未接続（ハブに接続できません）</source>
        <translation>Not connected (hub unreachable)</translation>
    </message>
    <message>
        <source>同期エラー（{0}）</source>
        <translation>Sync error ({0})</translation>
    </message>
    <message>
        <source>同期済 {0}</source>
        <translation>Synced {0}</translation>
    </message>
    <message>
        <source>未接続</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>・未送信 {0}件</source>
        <translation> · {0} unsent</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>同期済</source>
        <translation>Synced</translation>
    </message>
    <message>
        <source>同期済（競合あり）</source>
        <translation>Synced (conflicts)</translation>
    </message>
    <message>
        <source>接続できません</source>
        <translation>Unreachable</translation>
    </message>
    <message>
        <source>トークンが無効</source>
        <translation>Token refused</translation>
    </message>
    <message>
        <source>エラー</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>中止</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>同期中</source>
        <translation>Syncing</translation>
    </message>
    <message>
        <source>同期</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>都道府県のハブ（LGWAN内のサーバー）と、この団体の記録を同期します。接続できるときは数分ごとに自動で同期し、接続できないときは記録を保持して次の機会に送ります。</source>
        <translation>Syncs this municipality&apos;s records with the prefecture&apos;s hub (a server on the LGWAN). While the hub can be reached it syncs every few minutes; while it cannot, your records are kept and sent at the next chance.</translation>
    </message>
    <message>
        <source>都道府県から受け取ったトークン</source>
        <translation>The token you received from the prefecture</translation>
    </message>
    <message>
        <source>（省略時はOSの証明書で検証します）</source>
        <translation>(if empty, the system&apos;s certificates are used)</translation>
    </message>
    <message>
        <source>参照…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>ハブのURL</source>
        <translation>Hub URL</translation>
    </message>
    <message>
        <source>団体コード</source>
        <translation>Municipality code</translation>
    </message>
    <message>
        <source>トークン</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>CA証明書</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <source>設定を保存(&amp;S)</source>
        <translation>&amp;Save settings</translation>
    </message>
    <message>
        <source>接続テスト(&amp;T)</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <source>今すぐ同期(&amp;Y)</source>
        <translation>S&amp;ync now</translation>
    </message>
    <message>
        <source>同期の履歴</source>
        <translation>Sync history</translation>
    </message>
    <message>
        <source>開始</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>結果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>送信</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>受信</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>トークンは設定済みです。</source>
        <translation>A token is set.</translation>
    </message>
    <message>
        <source>トークンが未入力です。</source>
        <translation>No token yet.</translation>
    </message>
    <message>
        <source>トークンはOSの資格情報ストアに保存します。</source>
        <translation>The token is kept in the operating system&apos;s credential store.</translation>
    </message>
    <message>
        <source>OSの資格情報ストアが応答しないため、トークンはこの起動中だけ保持します。次回の起動時に再入力が必要です。</source>
        <translation>The operating system&apos;s credential store does not answer, so the token is kept for this session only. You will need to enter it again next time.</translation>
    </message>
    <message>
        <source>OSの資格情報ストアを使用できないため、トークンはこの起動中だけ保持します。次回の起動時に再入力が必要です。</source>
        <translation>The operating system&apos;s credential store cannot be used, so the token is kept for this session only. You will need to enter it again next time.</translation>
    </message>
    <message>
        <source>CA証明書を選択</source>
        <translation>Choose the CA certificate</translation>
    </message>
    <message>
        <source>証明書 (*.pem *.crt *.cer);;すべて (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>接続できました: {0}（団体コード {1}）、ハブの版 {2}</source>
        <translation>Connected: {0} (code {1}), hub version {2}</translation>
    </message>
    <message>
        <source>接続を確認しています…</source>
        <translation>Checking the connection…</translation>
    </message>
    <message>
        <source>競合を解決（{0}件）</source>
        <translation>Resolve conflicts ({0})</translation>
    </message>
    <message>
        <source>同期しています…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>同期しました（送信 {0}件、受信 {1}件）。</source>
        <translation>Synced ({0} sent, {1} received). </translation>
    </message>
    <message>
        <source>競合が{0}件あります。</source>
        <translation>{0} conflict(s) to resolve. </translation>
    </message>
    <message>
        <source>ハブとの照合で差異が見つかったため自動で修復しました。</source>
        <translation>A difference with the hub was found and repaired automatically. </translation>
    </message>
    <message>
        <source>ハブが受け付けなかった変更: {0}</source>
        <translation>A change the hub refused: {0}</translation>
    </message>
</context>
<context>
    <name>TalentPoolPage</name>
    <message>
        <source>{0}&#x3000;{1}［{2}］</source>
        <translation>{0}  {1} [{2}]</translation>
    </message>
    <message>
        <source>人材プール</source>
        <translation>Talent pool</translation>
    </message>
    <message>
        <source>県が確保している外部デジタル人材を、スキル標準の人材像ごとに掲載します。市町村は読み取り専用で閲覧し、派遣を希望するときは支援ニーズとして提出します。個人名や連絡先は載せず、「登録人材A」のような掲載名を使います。</source>
        <translation>External digital talent secured by the prefecture, listed by the skill standard&apos;s role types. Municipalities read the list and ask for someone by submitting a support need. No personal names or contacts: use a listing label such as “Pool member A”.</translation>
    </message>
    <message>
        <source>掲載名</source>
        <translation>Listing</translation>
    </message>
    <message>
        <source>例: 登録人材A（個人名は入力しない）</source>
        <translation>e.g. Pool member A (no personal names)</translation>
    </message>
    <message>
        <source>人材像（スキル標準）</source>
        <translation>Role (skill standard)</translation>
    </message>
    <message>
        <source>スキル・経験</source>
        <translation>Skills and experience</translation>
    </message>
    <message>
        <source>常駐／随時</source>
        <translation>On site / on call</translation>
    </message>
    <message>
        <source>月あたり日数</source>
        <translation>Days a month</translation>
    </message>
    <message>
        <source>例: 4</source>
        <translation>e.g. 4</translation>
    </message>
    <message>
        <source>派遣可能期間（開始）</source>
        <translation>Available from</translation>
    </message>
    <message>
        <source>派遣可能期間（終了）</source>
        <translation>Available until</translation>
    </message>
    <message>
        <source>派遣の可否</source>
        <translation>Availability</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>登録人材</source>
        <comment>record noun</comment>
        <translation>pool member</translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <source>作成</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TownsModel</name>
    <message>
        <source>団体
コード</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>団体名</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>ステップ0〜3
の進捗</source>
        <translation>Steps 0–3
progress</translation>
    </message>
    <message>
        <source>取組中</source>
        <translation>Working on</translation>
    </message>
    <message>
        <source>20業務
本稼働</source>
        <translation>20 services
live</translation>
    </message>
    <message>
        <source>最終連絡</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>未回答
ニーズ</source>
        <translation>Open
needs</translation>
    </message>
    <message>
        <source>団体コード</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>ステップ0〜3の進捗</source>
        <translation>Steps 0–3 progress</translation>
    </message>
    <message>
        <source>20業務 本稼働</source>
        <translation>20 services live</translation>
    </message>
    <message>
        <source>未回答ニーズ</source>
        <translation>Open needs</translation>
    </message>
    <message>
        <source>{0}（デジタル庁「自治体DXの取組に関するダッシュボード」自治体DXの推進体制の指標）</source>
        <translation>{0} (an indicator of the promotion structure on the Digital Agency&apos;s municipal DX dashboard)</translation>
    </message>
    <message>
        <source>完了</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>ステップ{0}</source>
        <translation>Step {0}</translation>
    </message>
    <message>
        <source>未受信</source>
        <translation>Nothing received</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <source>ステップ{0}：{1}</source>
        <translation>Step {0}: {1}</translation>
    </message>
    <message>
        <source>該当</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>非該当</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{0}：{1}
判定の根拠：{2}</source>
        <translation>{0}: {1}
Derived from: {2}</translation>
    </message>
    <message>
        <source>チェック項目の完了率（対象外を除く）
{0}</source>
        <translation>Share of checkpoints done (not applicable ones excluded)
{0}</translation>
    </message>
    <message>
        <source>本稼働 {0}業務・未着手 {1}業務・特定移行支援システム {2}業務</source>
        <translation>{0} live · {1} not started · {2} specific migration support systems</translation>
    </message>
    <message>
        <source>この団体のデータはまだ同期やパッケージで届いていません。</source>
        <translation>No data of this body has arrived by sync or package yet.</translation>
    </message>
    <message>
        <source>{0}に{1}で届きました。</source>
        <translation>Arrived on {0} by {1}.</translation>
    </message>
    <message>
        <source>{0}（団体コード {1}）</source>
        <translation>{0} (code {1})</translation>
    </message>
    <message>
        <source>{0}：{1}団体中{2}団体（{3}）</source>
        <translation>{0}: {2} of {1} bodies ({3})</translation>
    </message>
    <message>
        <source>表示中の団体の平均
{0}</source>
        <translation>Average of the bodies shown
{0}</translation>
    </message>
    <message>
        <source>県全体</source>
        <translation>Prefecture</translation>
    </message>
    <message>
        <source>{0}団体（平均・率）</source>
        <translation>{0} bodies (average, rate)</translation>
    </message>
</context>
<context>
    <name>TownsPage</name>
    <message>
        <source>市町村一覧</source>
        <translation>Municipalities</translation>
    </message>
    <message>
        <source>県内の市町村ごとに、ステップ0〜3の進み具合（完了した項目の割合）、20業務の本稼働の数、最終連絡（同期またはパッケージでデータが届いた日）と、国のダッシュボードの推進体制7指標を、各団体のデータから判定して示します。指標のセルにマウスを置くと判定の根拠が表示されます。最下行は表示中の団体の平均と該当率です。</source>
        <translation>For each municipality: progress in steps 0–3 (share of checkpoints done), how many of the 20 services are live, the last contact (when data arrived by sync or package), and the seven promotion-structure indicators of the national dashboard, derived from the body&apos;s own data. Hover over an indicator to see how it was derived. The last row gives the average and rates of the bodies shown.</translation>
    </message>
    <message>
        <source>団体名・団体コードで絞り込み</source>
        <translation>Filter by name or code</translation>
    </message>
    <message>
        <source>取組中のステップで絞り込み</source>
        <translation>Filter by the step being worked on</translation>
    </message>
    <message>
        <source>すべてのステップ</source>
        <translation>All steps</translation>
    </message>
    <message>
        <source>ステップ{0}に取組中</source>
        <translation>Working on step {0}</translation>
    </message>
    <message>
        <source>すべて完了</source>
        <translation>All steps done</translation>
    </message>
    <message>
        <source>指標で絞り込み</source>
        <translation>Filter by indicator</translation>
    </message>
    <message>
        <source>すべての指標</source>
        <translation>All indicators</translation>
    </message>
    <message>
        <source>「{0}」が未</source>
        <translation>Without “{0}”</translation>
    </message>
    <message>
        <source>絞り込み:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>昇順</source>
        <translation>ascending</translation>
    </message>
    <message>
        <source>降順</source>
        <translation>descending</translation>
    </message>
    <message>
        <source>{0}団体中 {1}団体を表示&#x3000;並び順: {2}（{3}）。列の見出しをクリックすると並べ替えます。</source>
        <translation>Showing {1} of {0} bodies.  Sorted by {2} ({3}). Click a column heading to sort.</translation>
    </message>
</context>
<context>
    <name>UnexpectedErrors</name>
    <message>
        <source>画面の処理</source>
        <translation>Updating the screen</translation>
    </message>
    <message>
        <source>バックグラウンドの処理</source>
        <translation>A background task</translation>
    </message>
    <message>
        <source>予期しないエラー</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>予期しないエラー（詳しい内容は {0}）</source>
        <translation>Unexpected error (details in {0})</translation>
    </message>
    <message>
        <source>{0}で予期しないエラーが発生しました。</source>
        <translation>{0} failed with an unexpected error.</translation>
    </message>
    <message>
        <source>詳しい内容は次の記録ファイルに書き出しました。</source>
        <translation>The details were written to this log file:</translation>
    </message>
    <message>
        <source>アプリはこのまま使い続けられます。</source>
        <translation>You can go on using the app.</translation>
    </message>
    <message>
        <source>自治体DXナビ</source>
        <translation>DX Navi</translation>
    </message>
</context>
<context>
    <name>YearGrid</name>
    <message>
        <source>保存できませんでした。</source>
        <translation>Could not save.</translation>
    </message>
</context>
<context>
    <name>vocab</name>
    <message>
        <source>首長・幹部向け研修（トップセミナー）</source>
        <translation>Seminar for the mayor and senior staff</translation>
    </message>
    <message>
        <source>全職員向けDX研修</source>
        <translation>DX training for all staff</translation>
    </message>
    <message>
        <source>DX推進リーダー研修</source>
        <translation>DX promotion leader training</translation>
    </message>
    <message>
        <source>デジタル原則の共有</source>
        <translation>Sharing the digital principles</translation>
    </message>
    <message>
        <source>議会への説明</source>
        <translation>Briefing the council</translation>
    </message>
    <message>
        <source>住民への周知</source>
        <translation>Informing residents</translation>
    </message>
    <message>
        <source>その他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>未着手</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>対応中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>完了</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>対象外</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>（未設定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>市長</source>
        <translation>Mayor (city)</translation>
    </message>
    <message>
        <source>町長</source>
        <translation>Mayor (town)</translation>
    </message>
    <message>
        <source>村長</source>
        <translation>Mayor (village)</translation>
    </message>
    <message>
        <source>区長</source>
        <translation>Mayor (ward)</translation>
    </message>
    <message>
        <source>均等割</source>
        <translation>Equal share</translation>
    </message>
    <message>
        <source>人口割</source>
        <translation>By population</translation>
    </message>
    <message>
        <source>利用量割</source>
        <translation>By usage</translation>
    </message>
    <message>
        <source>均等割＋人口割</source>
        <translation>Equal share + by population</translation>
    </message>
    <message>
        <source>案</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>確定</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>常駐</source>
        <translation>On site</translation>
    </message>
    <message>
        <source>随時</source>
        <translation>On call</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>Undecided</translation>
    </message>
    <message>
        <source>特別交付税</source>
        <translation>Special local allocation tax</translation>
    </message>
    <message>
        <source>普通交付税</source>
        <translation>Ordinary local allocation tax</translation>
    </message>
    <message>
        <source>デジタル活用推進事業債</source>
        <translation>Digital utilisation promotion bonds</translation>
    </message>
    <message>
        <source>デジタル田園都市国家構想交付金</source>
        <translation>Digital Garden City Nation grant</translation>
    </message>
    <message>
        <source>一般財源</source>
        <translation>General revenue</translation>
    </message>
    <message>
        <source>計画中</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>実施中</source>
        <translation>Under way</translation>
    </message>
    <message>
        <source>休止</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>人材派遣（人材プール）</source>
        <translation>Talent dispatch (talent pool)</translation>
    </message>
    <message>
        <source>アドバイザー派遣・伴走支援</source>
        <translation>Advisers and hands-on support</translation>
    </message>
    <message>
        <source>研修・講師派遣</source>
        <translation>Training and lecturers</translation>
    </message>
    <message>
        <source>共同調達への参加意向</source>
        <translation>Interest in joint procurement</translation>
    </message>
    <message>
        <source>相談（よろず相談）</source>
        <translation>General consultation</translation>
    </message>
    <message>
        <source>標準化・ガバメントクラウド移行支援</source>
        <translation>Standardisation and Government Cloud migration support</translation>
    </message>
    <message>
        <source>情報セキュリティ</source>
        <translation>Information security</translation>
    </message>
    <message>
        <source>財源活用</source>
        <translation>Funding sources</translation>
    </message>
    <message>
        <source>作成中</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>提出済</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>回答済</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Plan（計画）</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Do（実行）</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Check（評価）</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Act（改善）</source>
        <translation>Act</translation>
    </message>
    <message>
        <source>策定中（案）</source>
        <translation>Being drafted (draft)</translation>
    </message>
    <message>
        <source>策定済（計画期間中）</source>
        <translation>Adopted (in force)</translation>
    </message>
    <message>
        <source>改定中（改定案）</source>
        <translation>Being revised (revision draft)</translation>
    </message>
    <message>
        <source>高</source>
        <translation>High</translation>
    </message>
    <message>
        <source>中</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>低</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>一般競争入札</source>
        <translation>Open tender</translation>
    </message>
    <message>
        <source>指名競争入札</source>
        <translation>Designated tender</translation>
    </message>
    <message>
        <source>公募型プロポーザル方式</source>
        <translation>Open proposal competition</translation>
    </message>
    <message>
        <source>随意契約</source>
        <translation>Negotiated contract</translation>
    </message>
    <message>
        <source>単独調達</source>
        <translation>Single procurement</translation>
    </message>
    <message>
        <source>共同調達</source>
        <translation>Joint procurement</translation>
    </message>
    <message>
        <source>送信待ち</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <source>送信済</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>団体情報</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>ステップ0の実施記録</source>
        <translation>Step 0 activity</translation>
    </message>
    <message>
        <source>チェック項目</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>DX推進計画</source>
        <translation>DX promotion plan</translation>
    </message>
    <message>
        <source>重点取組事項</source>
        <translation>Priority initiative</translation>
    </message>
    <message>
        <source>評価指標（KPI）</source>
        <translation>Indicator (KPI)</translation>
    </message>
    <message>
        <source>KPIの目標・実績</source>
        <translation>KPI target/actual</translation>
    </message>
    <message>
        <source>推進体制の役職</source>
        <translation>Post in the promotion structure</translation>
    </message>
    <message>
        <source>不足する人材</source>
        <translation>Talent gap</translation>
    </message>
    <message>
        <source>取組</source>
        <translation>Initiative</translation>
    </message>
    <message>
        <source>PDCAの振り返り</source>
        <translation>PDCA review</translation>
    </message>
    <message>
        <source>標準化（20業務）</source>
        <translation>Standardisation (20 core services)</translation>
    </message>
    <message>
        <source>支援ニーズ</source>
        <translation>Support need</translation>
    </message>
    <message>
        <source>募集要項</source>
        <translation>Job description</translation>
    </message>
    <message>
        <source>調達仕様書</source>
        <translation>Procurement spec</translation>
    </message>
    <message>
        <source>要件</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <source>共同調達の参加団体</source>
        <translation>Joint procurement participant</translation>
    </message>
    <message>
        <source>機能要件</source>
        <translation>Functional</translation>
    </message>
    <message>
        <source>非機能要件</source>
        <translation>Non-functional</translation>
    </message>
    <message>
        <source>未回答</source>
        <translation>Not answered</translation>
    </message>
    <message>
        <source>受付</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>調整中</source>
        <translation>Coordinating</translation>
    </message>
    <message>
        <source>マッチ済</source>
        <translation>Matched</translation>
    </message>
    <message>
        <source>対応不可</source>
        <translation>Cannot support</translation>
    </message>
    <message>
        <source>派遣可能</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>一部可能</source>
        <translation>Partly available</translation>
    </message>
    <message>
        <source>派遣中（空きなし）</source>
        <translation>Assigned (no capacity)</translation>
    </message>
    <message>
        <source>参加意向を募集中</source>
        <translation>Collecting intentions</translation>
    </message>
    <message>
        <source>募集締切</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>契約済</source>
        <translation>Contracted</translation>
    </message>
    <message>
        <source>参加する</source>
        <translation>Will join</translation>
    </message>
    <message>
        <source>検討中</source>
        <translation>Under consideration</translation>
    </message>
    <message>
        <source>参加しない</source>
        <translation>Will not join</translation>
    </message>
    <message>
        <source>CIOの任命</source>
        <translation>CIO appointed</translation>
    </message>
    <message>
        <source>CIO補佐官等の任命</source>
        <translation>CIO adviser appointed</translation>
    </message>
    <message>
        <source>全体方針策定</source>
        <translation>Overall policy adopted</translation>
    </message>
    <message>
        <source>全庁的な体制構築</source>
        <translation>Organisation-wide structure</translation>
    </message>
    <message>
        <source>外部人材活用</source>
        <translation>External talent used</translation>
    </message>
    <message>
        <source>職員育成の取組</source>
        <translation>Staff development</translation>
    </message>
    <message>
        <source>全職員対象研修の実施</source>
        <translation>Training for all staff</translation>
    </message>
    <message>
        <source>同期</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>パッケージ</source>
        <translation>Package</translation>
    </message>
    <message>
        <source>プロデューサー（CIO補佐官等）</source>
        <translation>Producer (e.g. CIO adviser)</translation>
    </message>
    <message>
        <source>プロジェクトマネージャー</source>
        <translation>Project manager</translation>
    </message>
    <message>
        <source>サービスデザイナー</source>
        <translation>Service designer</translation>
    </message>
    <message>
        <source>エンジニア</source>
        <translation>Engineer</translation>
    </message>
    <message>
        <source>未選択</source>
        <translation>Not chosen</translation>
    </message>
    <message>
        <source>メインフレーム</source>
        <translation>Mainframe</translation>
    </message>
    <message>
        <source>個別開発</source>
        <translation>Custom-built</translation>
    </message>
    <message>
        <source>標準準拠システムが開発されず代替の見込みなし</source>
        <translation>No standard-compliant product and no alternative in sight</translation>
    </message>
    <message>
        <source>事業者のリソースひっ迫</source>
        <translation>Vendor capacity shortage</translation>
    </message>
    <message>
        <source>都道府県の人材プール</source>
        <translation>Prefecture&apos;s talent pool</translation>
    </message>
    <message>
        <source>採用（任用）</source>
        <translation>Hiring (appointment)</translation>
    </message>
    <message>
        <source>職員の育成</source>
        <translation>Training own staff</translation>
    </message>
    <message>
        <source>業務委託</source>
        <translation>Outsourcing</translation>
    </message>
</context>
</TS>
