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
        <source>Import text file…</source>
        <translation>Текст файл импортлох…</translation>
    </message>
    <message>
        <source>Save a copy as…</source>
        <translation>Хуулбар хадгалах…</translation>
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
        <source>Import a report saved from Word as text</source>
        <translation>Word-оос текстээр хадгалсан тайлан импортлох</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Текст файл (*.txt);;Бүх файл (*)</translation>
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
        <source>Printing is not available in this version.</source>
        <translation>Энэ хувилбарт хэвлэх боломжгүй.</translation>
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
        <source>Open a report file, or create a new report (File menu).</source>
        <translation>Тайлангийн файл нээх эсвэл шинэ тайлан үүсгэнэ үү («Файл» цэс).</translation>
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
