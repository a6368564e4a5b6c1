<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="mn_MN">
<context>
    <name></name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>New report…</source>
        <translation>Шинэ тайлан…</translation>
    </message>
    <message>
        <source>New report for next year from this one…</source>
        <translation>Энэ тайлангаас дараа жилийн тайлан үүсгэх…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Нээх…</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>Сүүлд нээсэн файлууд</translation>
    </message>
    <message>
        <source>Import from Word or text file…</source>
        <translation>Word эсвэл текст файлаас импортлох…</translation>
    </message>
    <message>
        <source>Save a copy as…</source>
        <translation>Хуулбар хадгалах…</translation>
    </message>
    <message>
        <source>Save as Word…</source>
        <translation>Word файлаар хадгалах…</translation>
    </message>
    <message>
        <source>Print preview and print…</source>
        <translation>Хэвлэхийн өмнө харах, хэвлэх…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Тохиргоо…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Гарах</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Засвар</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Буцаах</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Дахин хийх</translation>
    </message>
    <message>
        <source>Paste a table copied from Word</source>
        <translation>Word-оос хуулсан хүснэгт буулгах</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Хайх</translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation>Зорилт нэмэх</translation>
    </message>
    <message>
        <source>Add measure</source>
        <translation>Арга хэмжээ нэмэх</translation>
    </message>
    <message>
        <source>Delete goal or measure</source>
        <translation>Зорилт эсвэл арга хэмжээ устгах</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Дээш зөөх</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Доош зөөх</translation>
    </message>
    <message>
        <source>Renumber goals and measures</source>
        <translation>Зорилт, арга хэмжээг дахин дугаарлах</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Харагдац</translation>
    </message>
    <message>
        <source>Problems panel</source>
        <translation>Алдаа, дутуугийн самбар</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Үндсэн</translation>
    </message>
    <message>
        <source>Add a goal first: a measure belongs to a goal.</source>
        <translation>Эхлээд зорилт нэмнэ үү: арга хэмжээ зорилтод хамаардаг.</translation>
    </message>
    <message>
        <source>Delete goal</source>
        <translation>Зорилт устгах</translation>
    </message>
    <message>
        <source>Delete goal {0} with its {1} measures? (Undo brings it back.)</source>
        <translation>{0} зорилтыг {1} арга хэмжээний хамт устгах уу? («Буцаах» командаар сэргээж болно.)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Устгах</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Болих</translation>
    </message>
    <message>
        <source>The numbers are already in order.</source>
        <translation>Дугаарууд аль хэдийн дэс дараалалтай байна.</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Буулгах</translation>
    </message>
    <message>
        <source>The clipboard holds no text. Copy the table in Word first.</source>
        <translation>Санах ойд текст алга. Эхлээд Word дээр хүснэгтээ хуулна уу.</translation>
    </message>
    <message>
        <source>The table could not be read</source>
        <translation>Хүснэгтийг уншиж чадсангүй</translation>
    </message>
    <message>
        <source>Paste {0} measures</source>
        <translation>{0} арга хэмжээ буулгах</translation>
    </message>
    <message>
        <source>The report already has {0} goals. What should the {1} pasted measures do?</source>
        <translation>Тайланд {0} зорилт аль хэдийн байна. Буулгах {1} арга хэмжээг яах вэ?</translation>
    </message>
    <message>
        <source>Replace the whole plan with the pasted table</source>
        <translation>Бүх төлөвлөгөөг буулгасан хүснэгтээр солих</translation>
    </message>
    <message>
        <source>Add them after the selected goal</source>
        <translation>Сонгосон зорилтын дараа нэмэх</translation>
    </message>
    <message>
        <source>The clipboard table holds no goal or measure.</source>
        <translation>Хуулсан хүснэгтэд зорилт, арга хэмжээ алга.</translation>
    </message>
    <message>
        <source>The file was not created</source>
        <translation>Файл үүссэнгүй</translation>
    </message>
    <message>
        <source>New report: where to keep the file</source>
        <translation>Шинэ тайлан: файлыг хаана хадгалах вэ</translation>
    </message>
    <message>
        <source>Next year&apos;s report: where to keep the file</source>
        <translation>Дараа жилийн тайлан: файлыг хаана хадгалах вэ</translation>
    </message>
    <message>
        <source>Open a report file</source>
        <translation>Тайлангийн файл нээх</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортлох</translation>
    </message>
    <message>
        <source>The file could not be imported</source>
        <translation>Файлыг импортолж чадсангүй</translation>
    </message>
    <message>
        <source>Imported with remarks</source>
        <translation>Импортолсон (анхааруулгатай)</translation>
    </message>
    <message>
        <source>Import {0} measures</source>
        <translation>{0} арга хэмжээ импортлох</translation>
    </message>
    <message>
        <source>Imported report: where to keep the file</source>
        <translation>Импортолсон тайлан: файлыг хаана хадгалах вэ</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>Хуулбар хадгалах</translation>
    </message>
    <message>
        <source>The copy was not written</source>
        <translation>Хуулбар хадгалагдсангүй</translation>
    </message>
    <message>
        <source>Copy written: {0}</source>
        <translation>Хуулбар хадгалагдлаа: {0}</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Хэвлэх</translation>
    </message>
    <message>
        <source>Edit {0}</source>
        <extracomment>Fields whose consecutive edits merge into one undo step (typing); scores never merge.</extracomment>
        <translation>{0} засах</translation>
    </message>
    <message>
        <source>organization</source>
        <translation>байгууллага</translation>
    </message>
    <message>
        <source>aimag</source>
        <translation>аймаг</translation>
    </message>
    <message>
        <source>year</source>
        <translation>он</translation>
    </message>
    <message>
        <source>period</source>
        <translation>тайлант хугацаа</translation>
    </message>
    <message>
        <source>report date</source>
        <translation>тайлангийн огноо</translation>
    </message>
    <message>
        <source>appendix label</source>
        <translation>хавсралтын бичиг</translation>
    </message>
    <message>
        <source>title</source>
        <translation>гарчиг</translation>
    </message>
    <message>
        <source>number</source>
        <translation>дугаар</translation>
    </message>
    <message>
        <source>text</source>
        <translation>текст</translation>
    </message>
    <message>
        <source>indicator</source>
        <translation>шалгуур үзүүлэлт</translation>
    </message>
    <message>
        <source>baseline year</source>
        <translation>суурь он</translation>
    </message>
    <message>
        <source>baseline level</source>
        <translation>суурь түвшин</translation>
    </message>
    <message>
        <source>target level</source>
        <translation>зорилтот түвшин</translation>
    </message>
    <message>
        <source>achieved level</source>
        <translation>хүрсэн түвшин</translation>
    </message>
    <message>
        <source>score</source>
        <translation>үнэлгээ</translation>
    </message>
    <message>
        <source>role</source>
        <translation>үүрэг</translation>
    </message>
    <message>
        <source>position</source>
        <translation>албан тушаал</translation>
    </message>
    <message>
        <source>name</source>
        <translation>нэр</translation>
    </message>
    <message>
        <source>Delete measure</source>
        <translation>Арга хэмжээ устгах</translation>
    </message>
    <message>
        <source>Delete signatory</source>
        <translation>Гарын үсэг зурагч хасах</translation>
    </message>
    <message>
        <source>Move goal</source>
        <translation>Зорилт зөөх</translation>
    </message>
    <message>
        <source>Move measure</source>
        <translation>Арга хэмжээ зөөх</translation>
    </message>
    <message>
        <source>Add signatory</source>
        <translation>Гарын үсэг зурагч нэмэх</translation>
    </message>
    <message>
        <source>Move signatory</source>
        <translation>Гарын үсэг зурагчийн дараалал өөрчлөх</translation>
    </message>
    <message>
        <source>Renumber</source>
        <translation>Дахин дугаарлах</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>За</translation>
    </message>
    <message>
        <source>Ranking by total: {0}, {1}</source>
        <translation>Нийт дүнгээр эрэмбэлсэн: {0} он, {1}</translation>
    </message>
    <message>
        <source>No reports received yet.</source>
        <translation>Одоогоор тайлан ирээгүй байна.</translation>
    </message>
    <message>
        <source>Organizations expected to send a report</source>
        <translation>Тайлан ирүүлэх ёстой байгууллагууд</translation>
    </message>
    <message>
        <source>Expected organizations (a missing one is listed until its report arrives):</source>
        <translation>Тайлан ирүүлэх ёстой байгууллагууд (тайлан нь ирэх хүртэл «Ирүүлээгүй» жагсаалтад харагдана):</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Сонгосныг хасах</translation>
    </message>
    <message>
        <source>Add all organizations received</source>
        <translation>Тайлан ирсэн бүх байгууллагыг нэмэх</translation>
    </message>
    <message>
        <source>Add names, one a line:</source>
        <translation>Нэр нэмэх (мөр бүрт нэг нэр):</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Нэмэх</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Хаах</translation>
    </message>
    <message>
        <source>Expected organizations</source>
        <translation>Ирүүлэх ёстой байгууллагууд</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Байр</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Байгууллага</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Он</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Хугацаа</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Нийт дүн</translation>
    </message>
    <message>
        <source>Goal means</source>
        <translation>Зорилтын дундаж</translation>
    </message>
    <message>
        <source>Without score</source>
        <translation>Үнэлгээгүй</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Хувилбар</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Хүлээн авсан</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Хурууны хээ</translation>
    </message>
    <message>
        <source>Measures without a score</source>
        <translation>Үнэлгээгүй арга хэмжээний тоо</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Нэмсэн</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Шинэчилсэн</translation>
    </message>
    <message>
        <source>Already received</source>
        <translation>Өмнө ирсэн</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Татгалзсан</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Хавтас сонгох…</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Файл сонгох…</translation>
    </message>
    <message>
        <source>Other consolidation file…</source>
        <translation>Өөр нэгтгэлийн файл…</translation>
    </message>
    <message>
        <source>Export CSV (Excel)…</source>
        <translation>CSV (Excel) гаргах…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF гаргах…</translation>
    </message>
    <message>
        <source>Drop the files received from the soums here, or:</source>
        <translation>Сумдаас ирсэн файлуудыг энд чирж оруулна уу, эсвэл:</translation>
    </message>
    <message>
        <source>%v of %m files</source>
        <translation>%m файлаас %v</translation>
    </message>
    <message>
        <source>Files checked</source>
        <translation>Шалгасан файлууд</translation>
    </message>
    <message>
        <source>Edit expected organizations…</source>
        <translation>Ирүүлэх ёстой байгууллагуудыг засах…</translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Ирүүлээгүй</translation>
    </message>
    <message>
        <source>Aimag consolidation — {0}</source>
        <translation>Аймгийн нэгтгэл — {0}</translation>
    </message>
    <message>
        <source>Tailan</source>
        <translation>Тайлан</translation>
    </message>
    <message>
        <source>Consolidation file: {0}</source>
        <translation>Нэгтгэлийн файл: {0}</translation>
    </message>
    <message>
        <source>The consolidation file could not be read</source>
        <translation>Нэгтгэлийн файлыг уншиж чадсангүй</translation>
    </message>
    <message>
        <source>Not sent yet: {0} of {1} expected</source>
        <translation>Ирүүлээгүй: {0} (ирүүлэх ёстой нийт {1})</translation>
    </message>
    <message>
        <source>Not sent yet (no expected organizations listed)</source>
        <translation>Ирүүлээгүй (ирүүлэх ёстой байгууллагын жагсаалт хоосон)</translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation>Файлуудыг шалгаж байна…</translation>
    </message>
    <message>
        <source>Consolidation stopped</source>
        <translation>Нэгтгэл зогслоо</translation>
    </message>
    <message>
        <source>No files found to consolidate.</source>
        <translation>Нэгтгэх файл олдсонгүй.</translation>
    </message>
    <message>
        <source>Added {0}, updated {1}, already received {2}, rejected {3}.</source>
        <translation>Нэмсэн {0}, шинэчилсэн {1}, өмнө ирсэн {2}, татгалзсан {3}.</translation>
    </message>
    <message>
        <source>Folder with the files received</source>
        <translation>Ирсэн файлуудын хавтас</translation>
    </message>
    <message>
        <source>A file received</source>
        <translation>Ирсэн файл</translation>
    </message>
    <message>
        <source>Open another consolidation file</source>
        <translation>Өөр нэгтгэлийн файл нээх</translation>
    </message>
    <message>
        <source>Nothing to export yet: no report has been received.</source>
        <translation>Гаргах зүйл алга: одоогоор тайлан ирээгүй байна.</translation>
    </message>
    <message>
        <source>Written: {0}</source>
        <translation>Бичлээ: {0}</translation>
    </message>
    <message>
        <source>Export the ranking as CSV</source>
        <translation>Эрэмбийг CSV файлаар гаргах</translation>
    </message>
    <message>
        <source>Export the ranking as PDF</source>
        <translation>Эрэмбийг PDF файлаар гаргах</translation>
    </message>
    <message>
        <source>Finalized: revision {0}, fingerprint {1}.</source>
        <translation>Баталгаажсан: хувилбар {0}, хурууны хээ {1}.</translation>
    </message>
    <message>
        <source>This file is open read-only; nothing can be changed.</source>
        <translation>Файл зөвхөн уншихаар нээгдсэн; өөрчлөх боломжгүй.</translation>
    </message>
    <message>
        <source>The report is read-only as it was signed; to change it, use File → Reopen for changes.</source>
        <translation>Тайланг гарын үсэг зурсан хэвээр нь хадгалж байгаа тул засах боломжгүй. Засах шаардлагатай бол Файл → Засварлахаар дахин нээх-ийг сонгоно уу.</translation>
    </message>
    <message>
        <source>Finalize</source>
        <translation>Баталгаажуулах</translation>
    </message>
    <message>
        <source>Reopen for changes</source>
        <translation>Засварлахаар дахин нээх</translation>
    </message>
    <message>
        <source>Send to aimag…</source>
        <translation>Аймаг руу илгээх…</translation>
    </message>
    <message>
        <source>Aimag consolidation…</source>
        <translation>Аймгийн нэгтгэл…</translation>
    </message>
    <message>
        <source>The file was not opened</source>
        <translation>Файл нээгдсэнгүй</translation>
    </message>
    <message>
        <source>Finalize the report for signature? It becomes read-only and gets its fingerprint, which is printed on every page. Print it, have it signed, then send the file to the aimag. To change it later, reopen it: that starts a new revision.</source>
        <translation>Тайланг гарын үсэг зуруулахаар баталгаажуулах уу? Баталгаажсан тайланг засах боломжгүй болж, хуудас бүрд хэвлэгдэх хурууны хээ тооцогдоно. Хэвлээд гарын үсэг зуруулж, дараа нь файлыг аймаг руу илгээнэ үү. Дараа нь засах бол дахин нээнэ: ингэхэд шинэ хувилбар эхэлнэ.</translation>
    </message>
    <message>
        <source>The report was not finalized</source>
        <translation>Тайланг баталгаажуулсангүй</translation>
    </message>
    <message>
        <source>Reopen revision {0} for changes? Revision {1} starts: the fingerprint {2} on the signed paper will no longer describe the file, so the report must be finalized, printed, signed and sent again. The reopening is written in the file&apos;s log.</source>
        <translation>Засварлахаар дахин нээх үү (одоогийн хувилбар {0})? Шинэ хувилбар {1} эхэлнэ: гарын үсэг зурсан цаасан дээрх {2} хурууны хээ файлтай тохирохоо болино. Тиймээс тайланг дахин баталгаажуулж, хэвлэж, гарын үсэг зуруулж, илгээх шаардлагатай. Дахин нээснийг файлын бүртгэлд тэмдэглэнэ.</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Дахин нээх</translation>
    </message>
    <message>
        <source>The report was not reopened</source>
        <translation>Тайланг дахин нээсэнгүй</translation>
    </message>
    <message>
        <source>Reopened for changes: revision {0}.</source>
        <translation>Засварлахаар дахин нээлээ: хувилбар {0}.</translation>
    </message>
    <message>
        <source>Send to aimag</source>
        <translation>Аймаг руу илгээх</translation>
    </message>
    <message>
        <source>Finalize the report first: only a finalized report can be sent.</source>
        <translation>Эхлээд тайлангаа баталгаажуулна уу: зөвхөн баталгаажсан тайланг илгээх боломжтой.</translation>
    </message>
    <message>
        <source>Send to aimag: where to write the file (for example a USB stick)</source>
        <translation>Аймаг руу илгээх: файлыг хаана бичих вэ (жишээ нь USB)</translation>
    </message>
    <message>
        <source>The file for the aimag was not written</source>
        <translation>Аймаг руу илгээх файлыг бичсэнгүй</translation>
    </message>
    <message>
        <source>The file for the aimag was written and checked:
{0}

Fingerprint {1} (as on the printed pages). Take it to the aimag with the signed paper.</source>
        <translation>Аймаг руу илгээх файлыг бичиж, шалгалаа:
{0}

Хурууны хээ {1} (хэвлэсэн хуудсан дээрхтэй ижил). Гарын үсэг зурсан цаасны хамт аймагт хүргүүлнэ үү.</translation>
    </message>
    <message>
        <source>Choose another name</source>
        <translation>Өөр нэр сонгоно уу</translation>
    </message>
    <message>
        <source>«{0}» is the report open in this window; it cannot be replaced by another file. Choose another name.</source>
        <translation>«{0}» нь энэ цонхонд нээлттэй байгаа тайлан тул өөр файлаар солих боломжгүй. Өөр нэр сонгоно уу.</translation>
    </message>
    <message>
        <source>The file already exists</source>
        <translation>Ийм файл аль хэдийн байна</translation>
    </message>
    <message>
        <source>«{0}» already exists. Replace it with the new file? The old file is kept beside it as «{1}».</source>
        <translation>«{0}» файл аль хэдийн байна. Шинэ файлаар солих уу? Хуучин файлыг хажууд нь «{1}» нэрээр хадгална.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Солих</translation>
    </message>
    <message>
        <source>no score</source>
        <translation>үнэлгээгүй</translation>
    </message>
    <message>
        <source>Measure {0}: {1}</source>
        <translation>{0} арга хэмжээ: {1}</translation>
    </message>
    <message>
        <source>Go to the score</source>
        <translation>Үнэлгээ рүү очих</translation>
    </message>
    <message>
        <source>The sample was not opened</source>
        <translation>Жишээ тайлан нээгдсэнгүй</translation>
    </message>
    <message>
        <source>This is a SAMPLE report (Нарийнтээл сум, 2023), open read-only so that it stays as it is. To begin your own report: File → Import text file…, or File → New report…</source>
        <translation>Энэ бол ЖИШЭЭ тайлан (Нарийнтээл сум, 2023): өөрчлөгдөхгүйн тулд зөвхөн уншихаар нээлээ. Өөрийн тайлангаа эхлүүлэх бол: Файл → Текст файл импортлох…, эсвэл Файл → Шинэ тайлан…</translation>
    </message>
    <message>
        <source>Anti-corruption plan implementation report</source>
        <translation>Авлигын эсрэг төлөвлөгөөний хэрэгжилтийн тайлан</translation>
    </message>
    <message>
        <source>How do you want to begin? Everything you type is saved at once; new reports are kept in your Documents folder.</source>
        <translation>Хэрхэн эхлэх вэ? Бичсэн бүхэн тэр даруй хадгалагдана; шинэ тайланг «Documents» (Баримт бичиг) хавтаст хадгална.</translation>
    </message>
    <message>
        <source>Import my Word table from a file…</source>
        <translation>Word хүснэгтээ файлаас импортлох…</translation>
    </message>
    <message>
        <source>Choose your Word file (.docx), or the table saved from Word as plain text (.txt).</source>
        <translation>Word файлаа (.docx), эсвэл Word-оос энгийн текстээр (.txt) хадгалсан хүснэгтээ сонгоно уу.</translation>
    </message>
    <message>
        <source>Import my Word table from the clipboard</source>
        <translation>Word хүснэгтээ хуулсан газраас (санах ойгоос) импортлох</translation>
    </message>
    <message>
        <source>In Word: select the whole table and copy it (Ctrl+C), then click here.</source>
        <translation>Word дээр: хүснэгтээ бүхэлд нь сонгож хуулаад (Ctrl+C), энд дарна.</translation>
    </message>
    <message>
        <source>Start an empty report…</source>
        <translation>Хоосон тайлан эхлүүлэх…</translation>
    </message>
    <message>
        <source>Type the goals and measures yourself.</source>
        <translation>Зорилт, арга хэмжээгээ өөрөө бичнэ.</translation>
    </message>
    <message>
        <source>Look at the sample report</source>
        <translation>Жишээ тайланг үзэх</translation>
    </message>
    <message>
        <source>A real report of 2023, read-only: to see how a finished report looks.</source>
        <translation>2023 оны бодит тайлан, зөвхөн уншихаар: бэлэн тайлан ямар байдгийг харах.</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Хавтсанд нь харуулах</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Хайчлах</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Хуулах</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Бүгдийг сонгох</translation>
    </message>
    <message>
        <source>Save as Word</source>
        <translation>Word файлаар хадгалах</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word баримт (*.docx)</translation>
    </message>
    <message>
        <source>The Word file was not written</source>
        <translation>Word файл бичигдсэнгүй</translation>
    </message>
    <message>
        <source>Choose another name: this is the report file itself.</source>
        <translation>Өөр нэр сонгоно уу: энэ бол тайлангийн файл өөрөө.</translation>
    </message>
    <message>
        <source>Word file written: {0}</source>
        <translation>Word файл бичлээ: {0}</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Дугаар</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Зорилт</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Арга хэмжээ</translation>
    </message>
    <message>
        <source>Performance indicator</source>
        <translation>Гүйцэтгэлийн шалгуур үзүүлэлт</translation>
    </message>
    <message>
        <source>Baseline year</source>
        <translation>Суурь он</translation>
    </message>
    <message>
        <source>Baseline level</source>
        <translation>Суурь түвшин</translation>
    </message>
    <message>
        <source>Target level</source>
        <translation>Зорилтот түвшин</translation>
    </message>
    <message>
        <source>Achieved level</source>
        <translation>Хүрсэн түвшин</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Биелэлт</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Алгасах</translation>
    </message>
    <message>
        <source>Choose which column holds the measures.</source>
        <translation>Арга хэмжээ аль баганад байгааг сонгоно уу.</translation>
    </message>
    <message>
        <source>Each kind of column can be chosen only once (except Ignore).</source>
        <translation>Баганын төрөл бүрийг нэг л удаа сонгоно («Алгасах»-аас бусад).</translation>
    </message>
    <message>
        <source>Which column holds what?</source>
        <translation>Аль баганад юу байна вэ?</translation>
    </message>
    <message>
        <source>Tailan could not recognize every column of this table. Choose above each column what it holds; the choice is remembered for tables with the same header.</source>
        <translation>Тайлан энэ хүснэгтийн бүх баганыг таньсангүй. Багана бүрийн дээр юу агуулж байгааг сонгоно уу; ижил толгойтой хүснэгтэд энэ сонголтыг санана.</translation>
    </message>
    <message>
        <source>Tailan did not recognize this column: choose what it holds.</source>
        <translation>Тайлан энэ баганыг таньсангүй: юу агуулж байгааг сонгоно уу.</translation>
    </message>
    <message>
        <source>Goals: {0}, measures: {1}, scores found: {2}.</source>
        <translation>Зорилт: {0}, арга хэмжээ: {1}, олдсон үнэлгээ: {2}.</translation>
    </message>
    <message>
        <source>Skipped rows: {0}</source>
        <translation>Алгассан мөр: {0}</translation>
    </message>
    <message>
        <source>Row {0}: {1}</source>
        <translation>{0}-р мөр: {1}</translation>
    </message>
    <message>
        <source>No row was skipped.</source>
        <translation>Алгассан мөр алга.</translation>
    </message>
    <message>
        <source>Import a report from Word or from a text file</source>
        <translation>Word эсвэл текст файлаас тайлан импортлох</translation>
    </message>
    <message>
        <source>Word or text files (*.docx *.txt);;Word documents (*.docx);;Text files (*.txt);;All files (*)</source>
        <translation>Word эсвэл текст файл (*.docx *.txt);;Word баримт (*.docx);;Текст файл (*.txt);;Бүх файл (*)</translation>
    </message>
    <message>
        <source>What was read</source>
        <translation>Юу уншсан бэ</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Something unexpected went wrong. Your changes up to the last one are saved. Details were written to {0}.</source>
        <translation>Гэнэтийн алдаа гарлаа. Сүүлийн өөрчлөлт хүртэл бүх засвар хадгалагдсан. Дэлгэрэнгүйг {0} файлд бичлээ.</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>Choose a report</source>
        <translation>Тайлан сонгох</translation>
    </message>
    <message>
        <source>This file holds several reports. Which one to open?</source>
        <translation>Энэ файлд хэд хэдэн тайлан байна. Алийг нь нээх вэ?</translation>
    </message>
    <message>
        <source>This report was finalized for sending upward; it is kept as it was signed.</source>
        <translation>Энэ тайланг дээш илгээхээр баталгаажуулсан; гарын үсэг зурсан хэвээр нь хадгална.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Хадгалагдсангүй</translation>
    </message>
</context>
<context>
    <name>GoalForm</name>
    <message>
        <source>Goal</source>
        <translation>Зорилт</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Дугаар</translation>
    </message>
    <message>
        <source>Mean of its measures</source>
        <translation>Арга хэмжээнүүдийн дундаж</translation>
    </message>
    <message>
        <source>no scored measure</source>
        <translation>үнэлгээтэй арга хэмжээ алга</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Find in the plan (Ctrl+F)</source>
        <translation>Төлөвлөгөөнөөс хайх (Ctrl+F)</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Алдаа, дутуу</translation>
    </message>
    <message>
        <source>The file was not opened</source>
        <translation>Файл нээгдсэнгүй</translation>
    </message>
    <message>
        <source>The file was upgraded; a backup copy was written first: {0}</source>
        <translation>Файлыг шинэчиллээ; өмнө нь нөөц хуулбар хадгалсан: {0}</translation>
    </message>
    <message>
        <source>Read only.</source>
        <translation>Зөвхөн унших.</translation>
    </message>
    <message>
        <source>This file is open read-only; nothing can be changed.</source>
        <translation>Файл зөвхөн уншихаар нээгдсэн; өөрчлөх боломжгүй.</translation>
    </message>
    <message>
        <source>read only</source>
        <translation>зөвхөн унших</translation>
    </message>
    <message>
        <source>Tailan</source>
        <translation>Тайлан</translation>
    </message>
    <message>
        <source>Total implementation: {0}</source>
        <translation>Биелэлтийн нийт дүн: {0}</translation>
    </message>
    <message>
        <source>Without a score: {0}</source>
        <translation>Үнэлгээгүй: {0}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Хадгалсан</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Хадгалж байна…</translation>
    </message>
    <message>
        <source>NOT saved</source>
        <translation>ХАДГАЛАГДААГҮЙ</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Хадгалагдсангүй</translation>
    </message>
    <message>
        <source>The last change could not be saved. Close anyway and lose it?</source>
        <translation>Сүүлийн өөрчлөлт хадгалагдсангүй. Тэгсэн ч хааж, түүнийг алдах уу?</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Хаах</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Үлдэх</translation>
    </message>
</context>
<context>
    <name>MeasureForm</name>
    <message>
        <source>Measure</source>
        <extracomment>The score combo&apos;s item data, in order; ``None`` (&quot;not scored&quot;) last.</extracomment>
        <translation>Арга хэмжээ</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Дугаар</translation>
    </message>
    <message>
        <source>Measure to implement</source>
        <translation>Хэрэгжүүлэх арга хэмжээ</translation>
    </message>
    <message>
        <source>Performance indicator</source>
        <translation>Гүйцэтгэлийн шалгуур үзүүлэлт</translation>
    </message>
    <message>
        <source>Baseline: year</source>
        <translation>Суурь түвшин: он</translation>
    </message>
    <message>
        <source>Baseline: level</source>
        <translation>Суурь түвшин: түвшин</translation>
    </message>
    <message>
        <source>Target level</source>
        <translation>Зорилтот түвшин</translation>
    </message>
    <message>
        <source>Achieved level (if not achieved: reason, conditions, explanation)</source>
        <translation>Хүрсэн түвшин буюу гүйцэтгэлийн хувь (хүрээгүй бол шалтгаан, нөхцөл, тайлбар)</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Биелэлт</translation>
    </message>
    <message>
        <source>— not scored —</source>
        <translation>— үнэлгээгүй —</translation>
    </message>
    <message>
        <source>This measure has no score yet: the total is not final.</source>
        <translation>Энэ арга хэмжээ үнэлгээгүй байна: нийт дүн эцсийнх биш.</translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Goal / measure</source>
        <translation>Зорилт / арга хэмжээ</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Биелэлт</translation>
    </message>
    <message>
        <source>This measure has no score yet.</source>
        <translation>Энэ арга хэмжээ үнэлгээгүй байна.</translation>
    </message>
    <message>
        <source>(untitled report)</source>
        <translation>(нэргүй тайлан)</translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation>(текстгүй)</translation>
    </message>
    <message>
        <source>no score</source>
        <translation>үнэлгээгүй</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Measure {0} has no score (it prints as a draft).</source>
        <translation>{0} арга хэмжээ үнэлгээгүй (тайлан төсөл болж хэвлэгдэнэ).</translation>
    </message>
    <message>
        <source>Measure {0}: the performance indicator is empty.</source>
        <translation>{0} арга хэмжээ: гүйцэтгэлийн шалгуур үзүүлэлт хоосон.</translation>
    </message>
    <message>
        <source>Measure {0}: the target level is empty.</source>
        <translation>{0} арга хэмжээ: зорилтот түвшин хоосон.</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Хэвлэхийн өмнө харах</translation>
    </message>
    <message>
        <source>Before it is signed, this report still needs:</source>
        <translation>Гарын үсэг зурахаас өмнө энэ тайланд дутуу байгаа нь:</translation>
    </message>
    <message>
        <source>Pages: {0}</source>
        <translation>Хуудас: {0}</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Хэвлэх…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Хаах</translation>
    </message>
    <message>
        <source>The report is not complete</source>
        <translation>Тайлан бүрэн биш байна</translation>
    </message>
    <message>
        <source>This report still needs:</source>
        <translation>Энэ тайланд дутуу байгаа нь:</translation>
    </message>
    <message>
        <source>Print it as a draft anyway?</source>
        <translation>Тэгсэн ч төсөл болгон хэвлэх үү?</translation>
    </message>
    <message>
        <source>Print draft</source>
        <translation>Төсөл хэвлэх</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Болих</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Хэвлэгдсэнгүй</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>No problems found.</source>
        <translation>Алдаа, дутуу олдсонгүй.</translation>
    </message>
    <message>
        <source>Problems: {0}. Click one to go to it.</source>
        <translation>Алдаа, дутуу: {0}. Дээр нь дарж тухайн мөр рүү очно.</translation>
    </message>
    <message>
        <source>Measure {0} has no score.</source>
        <translation>{0} арга хэмжээ үнэлгээгүй.</translation>
    </message>
    <message>
        <source>Measure {0} has a score but no achieved level.</source>
        <translation>{0} арга хэмжээ үнэлгээтэй боловч хүрсэн түвшин бичээгүй.</translation>
    </message>
    <message>
        <source>Measure {0}: the performance indicator is empty.</source>
        <translation>{0} арга хэмжээ: гүйцэтгэлийн шалгуур үзүүлэлт хоосон.</translation>
    </message>
    <message>
        <source>Measure {0}: the target level is empty.</source>
        <translation>{0} арга хэмжээ: зорилтот түвшин хоосон.</translation>
    </message>
    <message>
        <source>Measure {0}: the baseline year «{1}» is not a year.</source>
        <translation>{0} арга хэмжээ: суурь он «{1}» он биш байна.</translation>
    </message>
    <message>
        <source>Measure {0}: no baseline year.</source>
        <translation>{0} арга хэмжээ: суурь он бичээгүй.</translation>
    </message>
    <message>
        <source>Goal number {0} is used {2} times.</source>
        <translation>{0} дугаартай зорилт {2} удаа байна.</translation>
    </message>
    <message>
        <source>Measure number {0} is used {2} times.</source>
        <translation>{0} дугаартай арга хэмжээ {2} удаа байна.</translation>
    </message>
    <message>
        <source>The title does not name the organization «{1}»: another organization&apos;s title could be printed.</source>
        <translation>Гарчигт байгууллагын нэр «{1}» алга: өөр байгууллагын гарчиг хэвлэгдэж магадгүй.</translation>
    </message>
    <message>
        <source>The title does not name the year {1}: correct the title.</source>
        <translation>Гарчигт тайлангийн он {1} алга: гарчгийг засна уу.</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <source>Report</source>
        <translation>Тайлан</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Байгууллага</translation>
    </message>
    <message>
        <source>Aimag</source>
        <translation>Аймаг</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Он</translation>
    </message>
    <message>
        <source>Annual</source>
        <translation>Жилийн</translation>
    </message>
    <message>
        <source>Half-year</source>
        <translation>Хагас жилийн</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Тайлант хугацаа</translation>
    </message>
    <message>
        <source>Report date</source>
        <translation>Тайлангийн огноо</translation>
    </message>
    <message>
        <source>YYYY.MM.DD</source>
        <translation>ОООО.СС.ӨӨ</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Гарчиг</translation>
    </message>
    <message>
        <source>Appendix label</source>
        <translation>Хавсралтын бичиг</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Гарын үсэг</translation>
    </message>
    <message>
        <source>Add signature</source>
        <translation>Гарын үсэг нэмэх</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Хасах</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Дээш</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Доош</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Тохиргоо</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Хэл</translation>
    </message>
    <message>
        <source>A new language is used from the next start of Tailan.</source>
        <translation>Сонгосон хэл програмыг дараагийн удаа эхлүүлэхэд хэрэглэгдэнэ.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>За</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Болих</translation>
    </message>
</context>
<context>
    <name>SignatoryModel</name>
    <message>
        <source>Role</source>
        <translation>Үүрэг</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Албан тушаал</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Нэр</translation>
    </message>
</context>
</TS>
