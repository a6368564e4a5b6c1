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
        <source>Next year&apos;s plan from this report…</source>
        <translation>Энэ тайлангаас дараа жилийн төлөвлөгөө…</translation>
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
        <source>Nothing to undo yet.</source>
        <translation>Буцаах өөрчлөлт алга.</translation>
    </message>
    <message>
        <source>Nothing to redo.</source>
        <translation>Дахин хийх өөрчлөлт алга.</translation>
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
        <source>Next year&apos;s plan: where to keep the file</source>
        <translation>Дараа жилийн төлөвлөгөө: файлыг хаана хадгалах</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Буулгах</translation>
    </message>
    <message>
        <source>The clipboard holds no table. Copy the table in Word first.</source>
        <translation>Санах ойд хүснэгт алга. Эхлээд Word дээр хүснэгтээ хуулна уу.</translation>
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
        <source>Open a report file</source>
        <translation>Тайлангийн файл нээх</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импортлох</translation>
    </message>
    <message>
        <source>The file could not be imported</source>
        <translation>Файлыг импортлож чадсангүй</translation>
    </message>
    <message>
        <source>Imported with remarks</source>
        <translation>Импортлосон (анхааруулгатай)</translation>
    </message>
    <message>
        <source>Import {0} measures</source>
        <translation>{0} арга хэмжээ импортлох</translation>
    </message>
    <message>
        <source>Imported report: where to keep the file</source>
        <translation>Импортлосон тайлан: файлыг хаана хадгалах вэ</translation>
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
        <source>responsible</source>
        <translation>хариуцах эзэн</translation>
    </message>
    <message>
        <source>due time</source>
        <translation>хэрэгжих хугацаа</translation>
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
        <source>Against the plan</source>
        <translation>Төлөвлөгөөтэй харьцуулах</translation>
    </message>
    <message>
        <source>Measures without a score</source>
        <translation>Үнэлгээгүй арга хэмжээний тоо</translation>
    </message>
    <message>
        <source>Against the plan: {0} measures added, {1} dropped, {2} with changed text or target</source>
        <translation>Төлөвлөгөөтэй харьцуулахад: нэмсэн {0}, хассан {1}, текст эсвэл зорилтот түвшин өөрчилсөн {2} арга хэмжээ</translation>
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
        <source>Waiting for your decision</source>
        <translation>Таны шийдвэрийг хүлээж буй</translation>
    </message>
    <message>
        <source>Rejected by you.</source>
        <extracomment>Whether the list shows what the aimag&apos;s file holds (no run since the window opened).</extracomment>
        <translation>Та татгалзсан.</translation>
    </message>
    <message>
        <source>Accepted by you.</source>
        <translation>Та зөвшөөрсөн.</translation>
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
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Export the ranking as CSV (opens in Excel)</source>
        <translation>Эрэмбийг CSV файлаар гаргах (Excel-д нээгдэнэ)</translation>
    </message>
    <message>
        <source>Excel (.xlsx)…</source>
        <translation>Excel (.xlsx)…</translation>
    </message>
    <message>
        <source>Export the ranking as an Excel workbook</source>
        <translation>Эрэмбийг Excel файлаар гаргах</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Drop the files received here, or:</source>
        <translation>Ирсэн файлуудаа энд чирж оруулах, эсвэл:</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>Гаргах:</translation>
    </message>
    <message>
        <source>file %v of %m</source>
        <extracomment>The last run was cancelled or failed (its words stay in the summary).</extracomment>
        <translation>%v / %m файл</translation>
    </message>
    <message>
        <source>Files checked</source>
        <translation>Шалгасан файлууд</translation>
    </message>
    <message>
        <source>Edit the list…</source>
        <translation>Жагсаалтыг засах…</translation>
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
        <source>({0} of {1}, deadline {2})</source>
        <translation>({1} оны {0}, эцсийн хугацаа {2})</translation>
    </message>
    <message>
        <source>No expected organizations listed yet.</source>
        <translation>Ирүүлэх ёстой байгууллагын жагсаалт хоосон байна.</translation>
    </message>
    <message>
        <source>Click a column&apos;s title to sort; double-click a row to open that report.</source>
        <extracomment>The columns whose first click sorts the highest first (the total: the best soum on top). A double-click on a row&apos;s &quot;against the plan&quot; cell: its differences, not its file.</extracomment>
        <translation>Баганын гарчгийг дарж эрэмбэлнэ; мөрийг давхар дарж тухайн тайланг нээнэ.</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>Эрэмбэ</translation>
    </message>
    <message>
        <source>Register and history</source>
        <translation>Бүртгэл ба түүх</translation>
    </message>
    <message>
        <source>Remarks and receipts</source>
        <translation>Тэмдэглэл ба баримт</translation>
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
        <source>same</source>
        <extracomment>The side-by-side columns: how it differs, the plan&apos;s measure and target, the report&apos;s.</extracomment>
        <translation>ижил</translation>
    </message>
    <message>
        <source>added</source>
        <translation>нэмсэн</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>хассан</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>өөрчилсөн</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>Тайлан:</translation>
    </message>
    <message>
        <source>Show unchanged measures too</source>
        <translation>Өөрчлөгдөөгүйг ч харуулах</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Ялгаа</translation>
    </message>
    <message>
        <source>In the plan</source>
        <translation>Төлөвлөгөөнд</translation>
    </message>
    <message>
        <source>Its target</source>
        <translation>Зорилтот түвшин</translation>
    </message>
    <message>
        <source>In the report</source>
        <translation>Тайланд</translation>
    </message>
    <message>
        <source>No report here has a plan of its year to be compared with: the aimag holds an organization&apos;s plan once the soum sent it (period: plan).</source>
        <translation>Энд харьцуулах тухайн оны төлөвлөгөөтэй тайлан алга: байгууллага төлөвлөгөөгөө (хугацаа: төлөвлөгөө) илгээсний дараа аймагт хадгалагдана.</translation>
    </message>
    <message>
        <source>The consolidation file could not be read</source>
        <translation>Нэгтгэлийн файлыг уншиж чадсангүй</translation>
    </message>
    <message>
        <source>Against the plan of {0}: {1} measures added, {2} dropped, {3} with changed text or target.</source>
        <translation>{0} оны төлөвлөгөөтэй харьцуулахад: нэмсэн {1}, хассан {2}, текст эсвэл зорилтот түвшин өөрчилсөн {3} арга хэмжээ.</translation>
    </message>
    <message>
        <source>Not sent yet: {0} of {1} expected</source>
        <translation>Ирүүлээгүй: {0} (ирүүлэх ёстой нийт {1})</translation>
    </message>
    <message>
        <source>Waiting for your decision ({0})</source>
        <translation>Таны шийдвэрийг хүлээж буй ({0})</translation>
    </message>
    <message>
        <source>In this consolidation file: {0} reports received, {1} waiting for your decision, {2} rejected by you (newest first).</source>
        <translation>Энэ нэгтгэлийн файлд: хүлээн авсан тайлан {0}, таны шийдвэрийг хүлээж буй {1}, таны татгалзсан {2} (шинэ нь эхэндээ).</translation>
    </message>
    <message>
        <source>Checking {0} files…</source>
        <translation>{0} файлыг шалгаж байна…</translation>
    </message>
    <message>
        <source>Cancelling: the files checked so far are being taken back…</source>
        <translation>Цуцалж байна: одоог хүртэл шалгасан файлуудыг буцааж байна…</translation>
    </message>
    <message>
        <source>Cancelled: nothing of this batch was kept; the consolidation file is as it was before.</source>
        <translation>Цуцаллаа: энэ удаагийн файлуудаас юу ч хадгалагдсангүй; нэгтгэлийн файл өмнөх хэвээрээ.</translation>
    </message>
    <message>
        <source>The consolidation stopped on an unexpected error; the consolidation file is as it was before.</source>
        <translation>Нэгтгэл гэнэтийн алдаагаар зогслоо; нэгтгэлийн файл өмнөх хэвээрээ.</translation>
    </message>
    <message>
        <source>Before this run the consolidation file was copied to {0}</source>
        <translation>Энэ нэгтгэлийн өмнө нэгтгэлийн файлын хуулбарыг хадгаллаа: {0}</translation>
    </message>
    <message>
        <source>Added {0}, updated {1}, already received {2}, waiting for your decision {3}, rejected {4}.</source>
        <translation>Нэмсэн {0}, шинэчилсэн {1}, өмнө ирсэн {2}, таны шийдвэрийг хүлээж буй {3}, татгалзсан {4}.</translation>
    </message>
    <message>
        <source>(Cancel came after the last file: the batch was kept.)</source>
        <translation>(Цуцлах үед сүүлийн файл шалгагдаж дууссан тул бүгдийг хадгаллаа.)</translation>
    </message>
    <message>
        <source>A consolidation is running</source>
        <translation>Нэгтгэл явагдаж байна</translation>
    </message>
    <message>
        <source>Files are being consolidated. Cancel the consolidation and close? Nothing of this batch will be kept; the consolidation file stays as it was before.</source>
        <translation>Файлуудыг нэгтгэж байна. Нэгтгэлийг цуцлаад хаах уу? Энэ удаагийн файлуудаас юу ч хадгалагдахгүй; нэгтгэлийн файл өмнөх хэвээрээ үлдэнэ.</translation>
    </message>
    <message>
        <source>Cancel and close</source>
        <translation>Цуцлаад хаах</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Үргэлжлүүлэх</translation>
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
        <source>The report could not be opened</source>
        <translation>Тайланг нээж чадсангүй</translation>
    </message>
    <message>
        <source>{0} — received report (read only)</source>
        <translation>{0} — ирсэн тайлан (зөвхөн унших)</translation>
    </message>
    <message>
        <source>Nothing to export yet: no report has been received.</source>
        <translation>Гаргах зүйл алга: одоогоор тайлан ирээгүй байна.</translation>
    </message>
    <message>
        <source>— no proposed score —</source>
        <extracomment>The proposed-score choices: none, then the official scale.</extracomment>
        <translation>— санал болгосон үнэлгээгүй —</translation>
    </message>
    <message>
        <source>Change the name…</source>
        <translation>Нэрийг өөрчлөх…</translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation>Байгууллага:</translation>
    </message>
    <message>
        <source>About:</source>
        <translation>Юуны тухай:</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Нотлох баримт:</translation>
    </message>
    <message>
        <source>Remark:</source>
        <translation>Тэмдэглэл:</translation>
    </message>
    <message>
        <source>Proposed score:</source>
        <translation>Санал болгох үнэлгээ:</translation>
    </message>
    <message>
        <source>Add the remark</source>
        <translation>Нэмэх</translation>
    </message>
    <message>
        <source>Print the remarks…</source>
        <translation>Хэвлэх…</translation>
    </message>
    <message>
        <source>Write its receipt…</source>
        <translation>Баримт бичих…</translation>
    </message>
    <message>
        <source>Write receipts for all…</source>
        <translation>Бүгдэд баримт…</translation>
    </message>
    <message>
        <source>Reviewer: {0}</source>
        <translation>Хянагч: {0}</translation>
    </message>
    <message>
        <source>Reviewer: not given yet</source>
        <translation>Хянагч: нэр өгөөгүй</translation>
    </message>
    <message>
        <source>The reviewer&apos;s name is printed on every remark and receipt; it is asked once, before the first remark or receipt.</source>
        <translation>Хянагчийн нэр тайлбар, хариу бүр дээр хэвлэгдэнэ; анхны тайлбар эсвэл хариуны өмнө нэг удаа асууна.</translation>
    </message>
    <message>
        <source>The reviewer&apos;s name</source>
        <translation>Хянагчийн нэр</translation>
    </message>
    <message>
        <source>Your name, as it is printed on your remarks and on the receipts (for example Д.Бат):</source>
        <translation>Таны нэр, тайлбар болон хариун дээр хэвлэгдэх байдлаар (жишээ нь Д.Бат):</translation>
    </message>
    <message>
        <source>The name was not kept</source>
        <translation>Нэрийг хадгалсангүй</translation>
    </message>
    <message>
        <source>The report could not be read</source>
        <translation>Тайланг уншиж чадсангүй</translation>
    </message>
    <message>
        <source>{0}: revision {1}, received {2}; remarks: {3}.</source>
        <translation>{0}: {1}-р хувилбар, хүлээн авсан {2}; тэмдэглэл: {3}.</translation>
    </message>
    <message>
        <source>The report as a whole</source>
        <translation>Тайлан бүхэлдээ</translation>
    </message>
    <message>
        <source>report</source>
        <translation>тайлан</translation>
    </message>
    <message>
        <source>— nothing about evidence —</source>
        <translation>— нотлох баримтын тухай биш —</translation>
    </message>
    <message>
        <source>Evidence is missing</source>
        <translation>Нотлох баримт дутуу</translation>
    </message>
    <message>
        <source>Unreadable: {0}</source>
        <translation>Уншигдахгүй: {0}</translation>
    </message>
    <message>
        <source>The remark was not added</source>
        <translation>Тэмдэглэл нэмэгдсэнгүй</translation>
    </message>
    <message>
        <source>Remark added for {0}.</source>
        <translation>{0}-д тэмдэглэл нэмлээ.</translation>
    </message>
    <message>
        <source>Print the remarks as PDF</source>
        <translation>Тэмдэглэлийг PDF болгон хэвлэх</translation>
    </message>
    <message>
        <source>The remarks were not printed</source>
        <translation>Тэмдэглэл хэвлэгдсэнгүй</translation>
    </message>
    <message>
        <source>Written: {0}</source>
        <translation>Бичлээ: {0}</translation>
    </message>
    <message>
        <source>Where to write the receipts (for example a USB stick)</source>
        <translation>Баримтуудыг хаана бичих вэ (жишээ нь USB)</translation>
    </message>
    <message>
        <source>The receipts are already there</source>
        <translation>Баримтууд аль хэдийн байна</translation>
    </message>
    <message>
        <source>{0} of these receipts are already in the folder (for example «{1}»). Write them again? Each earlier receipt is kept beside it as a backup.</source>
        <translation>Эдгээрээс {0} баримт хавтсанд аль хэдийн байна (жишээ нь «{1}»). Дахин бичих үү? Өмнөх баримт бүрийг хажууд нь нөөц болгон хадгална.</translation>
    </message>
    <message>
        <source>Write again</source>
        <translation>Дахин бичих</translation>
    </message>
    <message>
        <source>The receipts were not written</source>
        <translation>Баримтууд бичигдсэнгүй</translation>
    </message>
    <message>
        <source>{0} receipts written to {1}.</source>
        <translation>{0} баримтыг {1}-д бичлээ.</translation>
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
        <source>Open a report or start one first.</source>
        <translation>Эхлээд тайлан нээх эсвэл шинээр эхлүүлнэ үү.</translation>
    </message>
    <message>
        <source>This file is open read-only; nothing can be changed.</source>
        <translation>Файл зөвхөн уншихаар нээгдсэн; өөрчлөх боломжгүй.</translation>
    </message>
    <message>
        <source>The report is finalized: to change it, reopen it first (File → Reopen for changes).</source>
        <translation>Тайлан баталгаажсан байна: өөрчлөх бол эхлээд дахин нээнэ үү (Файл → Засварлахаар дахин нээх).</translation>
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
        <source>Photos, scans and documents (*.jpg *.jpeg *.png *.pdf *.docx *.xlsx);;All files (*)</source>
        <translation>Зураг, скан, баримт бичиг (*.jpg *.jpeg *.png *.pdf *.docx *.xlsx);;Бүх файл (*)</translation>
    </message>
    <message>
        <source>Attach evidence to measure {0}</source>
        <translation>{0} арга хэмжээнд нотлох баримт хавсаргах</translation>
    </message>
    <message>
        <source>Select a measure first.</source>
        <translation>Эхлээд арга хэмжээ сонгоно уу.</translation>
    </message>
    <message>
        <source>Large photos</source>
        <translation>Том зураг</translation>
    </message>
    <message>
        <source>{0} of the photos are large ({1} together). Shrink them to {2} pixels before attaching? The report stays small enough for a USB stick and e-mail; the original files are not changed.</source>
        <translation>Зургуудын {0} нь том байна (нийт {1}). Хавсаргахын өмнө {2} цэг хүртэл багасгах уу? Тайлан USB болон цахим шуудангаар илгээхэд хангалттай жижиг хэвээр үлдэнэ; эх файлууд өөрчлөгдөхгүй.</translation>
    </message>
    <message>
        <source>Shrink</source>
        <translation>Багасгах</translation>
    </message>
    <message>
        <source>Keep as they are</source>
        <translation>Байгаагаар нь</translation>
    </message>
    <message>
        <source>Evidence nearly at its limit</source>
        <translation>Нотлох баримт хязгаартаа ойртлоо</translation>
    </message>
    <message>
        <source>The report&apos;s evidence is now {0} of at most {1}. Shrink photos or attach fewer files, so the report still fits.</source>
        <translation>Тайлангийн нотлох баримт одоо {0} боллоо (дээд хязгаар {1}). Тайлан багтахын тулд зургаа багасгах эсвэл цөөн файл хавсаргана уу.</translation>
    </message>
    <message>
        <source>Attached {0} files to measure {1}; the report&apos;s evidence: {2}.</source>
        <translation>{1} арга хэмжээнд {0} файл хавсаргалаа; тайлангийн нотлох баримт: {2}.</translation>
    </message>
    <message>
        <source>«{0}»: already attached to this measure</source>
        <translation>«{0}»: энэ арга хэмжээнд аль хэдийн хавсаргасан</translation>
    </message>
    <message>
        <source>These files were not attached:</source>
        <translation>Дараах файлуудыг хавсаргасангүй:</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>… болон бусад {0}</translation>
    </message>
    <message>
        <source>Evidence is a photo or scan (JPEG, PNG), a PDF, a Word (.docx) or an Excel (.xlsx) file, at most {0} each.</source>
        <translation>Нотлох баримт нь зураг эсвэл скан (JPEG, PNG), PDF, Word (.docx) эсвэл Excel (.xlsx) файл байна; нэг бүр нь {0} хүртэл.</translation>
    </message>
    <message>
        <source>Where to save the evidence</source>
        <translation>Нотлох баримтыг хаана хадгалах вэ</translation>
    </message>
    <message>
        <source>The evidence was not saved</source>
        <translation>Нотлох баримтыг хадгалсангүй</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Нээх</translation>
    </message>
    <message>
        <source>Files of a received report are never opened from Tailan. Save a copy to a folder and open it from there.</source>
        <translation>Хүлээн авсан тайлангийн файлыг Тайлан програмаас хэзээ ч нээхгүй. Хавтсанд хуулбарыг хадгалаад тэндээс нээнэ үү.</translation>
    </message>
    <message>
        <source>The file was not opened</source>
        <translation>Файл нээгдсэнгүй</translation>
    </message>
    <message>
        <source>Next: print it ({0} → {1}), have it signed and stamped, then {0} → {2} writes the file to take to the aimag with the signed paper.</source>
        <translation>Дараагийн алхам: хэвлэх ({0} → {1}), гарын үсэг зуруулж тамга даруулах, дараа нь {0} → {2} гарын үсэгтэй цаасны хамт аймагт хүргэх файлыг бичнэ.</translation>
    </message>
    <message>
        <source>The report is finalized already; it can be sent to the aimag.</source>
        <translation>Тайлан аль хэдийн баталгаажсан; түүнийг аймаг руу илгээж болно.</translation>
    </message>
    <message>
        <source>Only a finalized report is reopened; this one can be changed as it is.</source>
        <translation>Зөвхөн баталгаажсан тайланг дахин нээнэ; энэ тайланг байгаагаар нь засаж болно.</translation>
    </message>
    <message>
        <source>Finalize the report first (File → Finalize): only a finalized report can be sent.</source>
        <translation>Эхлээд тайлангаа баталгаажуулна уу (Файл → Баталгаажуулах): зөвхөн баталгаажсан тайланг илгээнэ.</translation>
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
        <source>Not ready to finalize</source>
        <translation>Баталгаажуулах боломжгүй байна</translation>
    </message>
    <message>
        <source>No signing key on this computer</source>
        <translation>Энэ компьютер дээр гарын үсгийн түлхүүр алга</translation>
    </message>
    <message>
        <source>Make a new key? The aimag will see a new key code and accept it only after comparing it with the code on the newly signed paper.</source>
        <translation>Шинэ түлхүүр үүсгэх үү? Аймаг шинэ түлхүүрийн кодыг харж, шинээр гарын үсэг зурсан цаасан дээрх кодтой тулгасны дараа л зөвшөөрнө.</translation>
    </message>
    <message>
        <source>Make a new key</source>
        <translation>Шинэ түлхүүр үүсгэх</translation>
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
        <source>A whole copy of the consolidation file (every report received and the register), e.g. on a USB stick</source>
        <translation>Нэгтгэлийн файлын бүрэн хуулбар (хүлээн авсан бүх тайлан, бүртгэл), жишээ нь USB дээр</translation>
    </message>
    <message>
        <source>Show the backups</source>
        <translation>Нөөц хуулбаруудыг харуулах</translation>
    </message>
    <message>
        <source>Save a copy of the consolidation file</source>
        <translation>Нэгтгэлийн файлын хуулбар хадгалах</translation>
    </message>
    <message>
        <source>This is the consolidation file itself; choose another name for its copy.</source>
        <translation>Энэ бол нэгтгэлийн файл өөрөө; хуулбартаа өөр нэр сонгоно уу.</translation>
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
        <source>Make a clean copy «{0}» beside it, with only what Tailan itself writes, and open that? The file itself is not changed.</source>
        <translation>Хажууд нь зөвхөн Тайлан програмын бичдэг бүтэцтэй «{0}» цэвэр хуулбар гаргаад түүнийг нээх үү? Эх файлыг өөрчлөхгүй.</translation>
    </message>
    <message>
        <source>Make a clean copy</source>
        <translation>Цэвэр хуулбар гаргах</translation>
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
        <source>This is a SAMPLE report (Нарийнтээл сум, 2023), open read-only so that it stays as it is. To begin your own report: File → Import from Word or text file…, or File → New report…</source>
        <translation>Энэ бол ЖИШЭЭ тайлан (Нарийнтээл сум, 2023): өөрчлөгдөхгүйн тулд зөвхөн уншихаар нээлээ. Өөрийн тайлангаа эхлүүлэх бол: Файл → Word эсвэл текст файлаас импортлох…, эсвэл Файл → Шинэ тайлан…</translation>
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
        <source>Open the aimag&apos;s call…</source>
        <translation>Аймгийн дуудлагыг нээх…</translation>
    </message>
    <message>
        <source>The call file the aimag sent (.tailan-call): its deadline is shown here and in your report.</source>
        <translation>Аймгаас ирсэн дуудлагын файл (.tailan-call): эцсийн хугацаа нь энд болон таны тайланд харагдана.</translation>
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
        <source>Your report is one file</source>
        <translation>Таны тайлан нэг файл</translation>
    </message>
    <message>
        <source>This report&apos;s file: {0}</source>
        <translation>Энэ тайлангийн файл: {0}</translation>
    </message>
    <message>
        <source>Import your Word table</source>
        <translation>Word-ын хүснэгтээ оруулах</translation>
    </message>
    <message>
        <source>Score each measure</source>
        <translation>Арга хэмжээ бүрийг үнэлэх</translation>
    </message>
    <message>
        <source>Print and PDF</source>
        <translation>Хэвлэх ба PDF</translation>
    </message>
    <message>
        <source>Finalize and send</source>
        <translation>Баталгаажуулах ба илгээх</translation>
    </message>
    <message>
        <source>Back it up</source>
        <translation>Нөөц хуулбар хадгалах</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Томруулж харах</translation>
    </message>
    <message>
        <source>Everything is kept in one file ending in .tailan. Every change is saved at once: there is no Save button. The status bar says “Saved” when the file holds your change. New reports are kept in your Documents folder.</source>
        <translation>Бүх зүйл .tailan өргөтгөлтэй нэг файлд хадгалагдана. Өөрчлөлт бүр тэр даруй хадгалагддаг тул «Хадгалах» товч байхгүй. Өөрчлөлт файлд орсны дараа төлөвийн мөрөнд «Хадгалсан» гэж гарна. Шинэ тайланг «Documents» (Баримт бичиг) хавтсанд хадгална.</translation>
    </message>
    <message>
        <source>{0} reads your Word file (.docx) or the table saved from Word as plain text (.txt); when a column is not clear, it asks which column is which. Or, in Word, select the whole table and copy it (Ctrl+C), then choose {1} (Ctrl+Shift+V). Texts and numbers are kept exactly as written; every row is either taken or named with why it was skipped.</source>
        <translation>{0} нь Word файл (.docx) эсвэл Word-оос энгийн текстээр (.txt) хадгалсан хүснэгтийг уншина; аль багана юу болох нь тодорхойгүй бол асууна. Эсвэл Word дээр хүснэгтийг бүхэлд нь сонгоод хуулна (Ctrl+C), дараа нь {1} (Ctrl+Shift+V) гэж сонгоно. Текст, тоо бичсэнээрээ үлдэнэ; мөр бүрийг авна, эсвэл яагаад алгассаныг нэрлэнэ.</translation>
    </message>
    <message>
        <source>Choose a measure in the tree on the left. Its form shows the score (100, 70, 30, 0 or not yet due), the measure and what was achieved at the top, then the other columns. In the tree the keys 1, 7, 3, 0 and Н (N) give the score, Del clears it; {0} (Ctrl+E) goes to the score box. Red measures have no score yet. The total at the bottom of the window is the one that will be printed. The problems panel at the bottom lists what is missing; a click on its title line folds it ({1}).</source>
        <translation>Зүүн талын модноос арга хэмжээг сонгоно. Түүний маягтын дээд хэсэгт үнэлгээ (100, 70, 30, 0 эсвэл хугацаа болоогүй), арга хэмжээ, хүрсэн түвшин, дараа нь бусад багана гарна. Модон дээр 1, 7, 3, 0, Н (N) товчоор үнэлгээ өгч, Del товчоор арилгана; {0} (Ctrl+E) үнэлгээний нүд рүү очно. Улаан арга хэмжээ үнэлгээгүй байна. Цонхны доод талын нийт дүн хэвлэгдэх дүн юм. Доод талын алдаа, дутуугийн самбар дутуу зүйлийг жагсаана; гарчгийн мөрөн дээр нь дарж хураана ({1}).</translation>
    </message>
    <message>
        <source>Ctrl+Z ({0}) takes back the last change, wherever the cursor is; Ctrl+Y brings it back. Every change made since the file was opened can be taken back. Finalizing and reopening are not changes of the report: they are written in the file&apos;s log.</source>
        <translation>Ctrl+Z ({0}) курсор хаана ч байсан сүүлийн өөрчлөлтийг буцаана; Ctrl+Y дахин хийнэ. Файлыг нээснээс хойшхи бүх өөрчлөлтийг буцааж болно. Баталгаажуулах, дахин нээх нь тайлангийн өөрчлөлт биш: тэдгээрийг файлын бүртгэлд тэмдэглэнэ.</translation>
    </message>
    <message>
        <source>{0} shows exactly the pages that will print (A4 landscape) and prints them; {1} writes the same pages to a file for e-mail. While a measure has no score, the printout is marked as a draft.</source>
        <translation>{0} хэвлэгдэх хуудсыг яг байгаагаар нь (A4 хөндлөн) харуулж хэвлэнэ; {1} ижил хуудсыг и-мэйлээр илгээх файл болгон бичнэ. Үнэлгээгүй арга хэмжээ байвал хэвлэмэл дээр «төсөл» гэж тэмдэглэнэ.</translation>
    </message>
    <message>
        <source>When every measure is scored, {0} makes the report read-only and gives it a fingerprint, printed on every page (a measure without a score is shown instead). Then print it, have it signed and stamped, and {1} writes the file to take to the aimag, e.g. on a USB stick. To change a finalized report, use {2}: that starts a new revision.</source>
        <translation>Бүх арга хэмжээ үнэлэгдсэн бол {0} тайланг засах боломжгүй болгож, хуудас бүрд хэвлэгдэх хурууны хээ өгнө (үнэлгээгүй арга хэмжээ байвал түүнийг харуулна). Дараа нь хэвлээд гарын үсэг зуруулж, тамга даруулаад {1} аймагт хүргэх файлыг жишээ нь USB дээр бичнэ. Баталгаажсан тайланг өөрчлөх бол {2}: ингэхэд шинэ хувилбар эхэлнэ.</translation>
    </message>
    <message>
        <source>The aimag&apos;s answer</source>
        <translation>Аймгийн хариу</translation>
    </message>
    <message>
        <source>The aimag sends back a signed answer (a .tailan-receipt file): {0} checks it and keeps it in your file. A line over the tree then says when the aimag received your report and where its remarks are: click a measure&apos;s number to go there. Under the measure&apos;s achieved level the remark is shown with the score the aimag proposes; taking it is an ordinary change (Ctrl+Z takes it back), so a finalized report must be reopened first. {1} prints the answer as proof that you reported on time.</source>
        <translation>Аймаг гарын үсэгтэй хариу (.tailan-receipt файл) буцааж илгээнэ: {0} түүнийг шалгаад таны файлд хадгална. Тэгэхэд модны дээрх мөрөнд аймаг тайланг хэзээ хүлээн авсан, тайлбар нь хаана байгааг бичнэ: арга хэмжээний дугаар дээр дарж тэнд очно. Арга хэмжээний хүрсэн түвшний доор тайлбар болон аймгийн санал болгосон үнэлгээ гарна; түүнийг авах нь энгийн өөрчлөлт (Ctrl+Z буцаана) тул баталгаажсан тайланг эхлээд дахин нээнэ. {1} хариуг хугацаандаа тайлагнасны нотолгоо болгон хэвлэнэ.</translation>
    </message>
    <message>
        <source>{0} writes a complete copy of the file, e.g. to a USB stick, at any time. Keep a copy outside this computer.</source>
        <translation>{0} файлын бүрэн хуулбарыг хүссэн үедээ, жишээ нь USB дээр бичнэ. Хуулбарыг энэ компьютероос гадна хадгална уу.</translation>
    </message>
    <message>
        <source>Ctrl++ and Ctrl+- make the tree and the forms larger or smaller; Ctrl+0 returns to normal ({0}). In the print preview the same keys zoom the page.</source>
        <translation>Ctrl++ болон Ctrl+- мод, маягтыг томруулж, жижигрүүлнэ; Ctrl+0 хэвийн хэмжээнд нь буцаана ({0}). Хэвлэхийн өмнө харах цонхонд мөн эдгээр товчоор хуудсыг томруулна.</translation>
    </message>
    <message>
        <source>At the aimag</source>
        <translation>Аймагт</translation>
    </message>
    <message>
        <source>{0} opens the aimag&apos;s window: drop the files received from the soums on it, decide on those that wait for you, read the ranking, write remarks and the answers that go back down. Its file and its exports are kept in Documents/Tailan, with a backup before every consolidation.</source>
        <translation>{0} аймгийн цонхыг нээнэ: сумдаас ирсэн файлуудыг түүн дээр чирж оруулаад, таны шийдвэрийг хүлээж буйг шийдэж, эрэмбийг харж, тайлбар болон буцааж илгээх хариуг бичнэ. Түүний файл болон гаргасан файлууд Documents/Tailan хавтсанд хадгалагдаж, нэгтгэл бүрийн өмнө нөөц хуулбар үүснэ.</translation>
    </message>
    <message>
        <source>How to use Tailan</source>
        <translation>Тайлан программыг хэрхэн ашиглах вэ</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Хувилбар</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Лиценз</translation>
    </message>
    <message>
        <source>MIT licence: free to use, copy and change.</source>
        <translation>MIT лиценз: үнэгүй ашиглах, хуулах, өөрчлөх эрхтэй.</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Өгөгдлийн хавтас</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>Тохиргооны файл</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>Фонт</translation>
    </message>
    <message>
        <source>Liberation Serif and Liberation Sans, under the SIL Open Font License 1.1.</source>
        <translation>Liberation Serif ба Liberation Sans, SIL Open Font License 1.1 лицензтэй.</translation>
    </message>
    <message>
        <source>Tailan: the annual report on the anti-corruption plan, filled in, scored, printed and sent upward, without Internet.</source>
        <translation>Тайлан: авлигын эсрэг төлөвлөгөөний хэрэгжилтийн жилийн тайланг интернэтгүйгээр бөглөх, үнэлэх, хэвлэх, дээш илгээх программ.</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Заавар</translation>
    </message>
    <message>
        <source>About Tailan</source>
        <translation>Тайлан программын тухай</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Тусламж</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Томруулах</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Жижигрүүлэх</translation>
    </message>
    <message>
        <source>Normal size</source>
        <translation>Хэвийн хэмжээ</translation>
    </message>
    <message>
        <source>(no file open)</source>
        <translation>(файл нээгээгүй)</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF болгон хадгалах…</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Хэвлэгдсэнгүй</translation>
    </message>
    <message>
        <source>The PDF was not written</source>
        <translation>PDF бичигдсэнгүй</translation>
    </message>
    <message>
        <source>PDF written: {0}</source>
        <translation>PDF бичигдлээ: {0}</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>PDF болгон хадгалах</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF файл (*.pdf)</translation>
    </message>
    <message>
        <source>Received by {0} aimag on {1}, revision {2} (total as the aimag computed it: {3}); remarks: {4}.</source>
        <translation>{0} аймаг {1}-нд хувилбар {2}-ийг хүлээн авсан (аймгийн тооцсон нийт дүн: {3}); тайлбар: {4}.</translation>
    </message>
    <message>
        <source>the report</source>
        <translation>тайлан</translation>
    </message>
    <message>
        <source>measure {0}</source>
        <translation>арга хэмжээ {0}</translation>
    </message>
    <message>
        <source>measure {0} (no longer in the report)</source>
        <translation>арга хэмжээ {0} (тайланд одоо алга)</translation>
    </message>
    <message>
        <source>The remarks are on:</source>
        <translation>Тайлбар хаана байна:</translation>
    </message>
    <message>
        <source>(click to go there)</source>
        <translation>(дарж тэнд очно)</translation>
    </message>
    <message>
        <source>The report is finalized: reopen it first (File → Reopen for changes), then take the score.</source>
        <translation>Тайлан баталгаажсан байна: эхлээд дахин нээгээд (Файл → Засварлахаар дахин нээх) дараа нь үнэлгээг авна уу.</translation>
    </message>
    <message>
        <source>The aimag&apos;s remarks</source>
        <translation>Аймгийн тайлбар</translation>
    </message>
    <message>
        <source>Proposed score: {0}</source>
        <translation>Санал болгосон үнэлгээ: {0}</translation>
    </message>
    <message>
        <source>The proposed score is taken</source>
        <translation>Санал болгосон үнэлгээг авсан</translation>
    </message>
    <message>
        <source>Take the proposed score</source>
        <translation>Санал болгосон үнэлгээг авах</translation>
    </message>
    <message>
        <source>The measure already has this score.</source>
        <translation>Арга хэмжээ аль хэдийн энэ үнэлгээтэй байна.</translation>
    </message>
    <message>
        <source>The score becomes the measure&apos;s; Ctrl+Z takes it back.</source>
        <translation>Үнэлгээ арга хэмжээнд орно; Ctrl+Z буцаана.</translation>
    </message>
    <message>
        <source>Score taken: {0}. Ctrl+Z takes it back.</source>
        <translation>Үнэлгээг авлаа: {0}. Ctrl+Z буцаана.</translation>
    </message>
    <message>
        <source>Open the aimag&apos;s answer…</source>
        <translation>Аймгийн хариуг нээх…</translation>
    </message>
    <message>
        <source>Print the aimag&apos;s answer…</source>
        <translation>Аймгийн хариуг хэвлэх…</translation>
    </message>
    <message>
        <source>No answer of the aimag is kept in this file yet: open it first (File → Open the aimag&apos;s answer…).</source>
        <translation>Энэ файлд аймгийн хариу хадгалагдаагүй байна: эхлээд нээнэ үү (Файл → Аймгийн хариуг нээх…).</translation>
    </message>
    <message>
        <source>Open the aimag&apos;s answer</source>
        <translation>Аймгийн хариуг нээх</translation>
    </message>
    <message>
        <source>Aimag&apos;s answer (*.tailan-receipt);;All files (*)</source>
        <translation>Аймгийн хариу (*.tailan-receipt);;Бүх файл (*)</translation>
    </message>
    <message>
        <source>The answer was not taken</source>
        <translation>Хариуг хүлээн авсангүй</translation>
    </message>
    <message>
        <source>The aimag&apos;s key</source>
        <translation>Аймгийн түлхүүр</translation>
    </message>
    <message>
        <source>This is the first answer of {0} aimag on this computer. Its key code is {1}. Compare it with the code printed on the aimag&apos;s ranking paper: accept the key only if they are the same.</source>
        <translation>Энэ компьютер дээр {0} аймгийн анхны хариу байна. Түлхүүрийн код нь {1}. Аймгийн эрэмбийн цаасан дээр хэвлэсэн кодтой тулгаж, ижил бол л зөвшөөрнө үү.</translation>
    </message>
    <message>
        <source>The codes are the same: accept</source>
        <translation>Кодууд ижил: зөвшөөрөх</translation>
    </message>
    <message>
        <source>Save the aimag&apos;s answer as PDF</source>
        <translation>Аймгийн хариуг PDF болгон хадгалах</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The answer was not printed</source>
        <translation>Хариуг хэвлэсэнгүй</translation>
    </message>
    <message>
        <source>These files were not merged: each waits for your decision. Compare the received key code with the code printed on the organization&apos;s signed paper before accepting.</source>
        <translation>Эдгээр файл нэгтгэлд ороогүй: тус бүр таны шийдвэрийг хүлээж байна. Зөвшөөрөхөөсөө өмнө ирсэн түлхүүрийн кодыг байгууллагын гарын үсэгтэй цаасан дээр хэвлэгдсэн кодтой тулгана уу.</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Why it waits</source>
        <translation>Яагаад хүлээж буй</translation>
    </message>
    <message>
        <source>Organization in the file</source>
        <translation>Файл дахь байгууллага</translation>
    </message>
    <message>
        <source>Registered as</source>
        <translation>Бүртгэлд</translation>
    </message>
    <message>
        <source>Received key code</source>
        <translation>Ирсэн түлхүүрийн код</translation>
    </message>
    <message>
        <source>Registered key codes</source>
        <translation>Бүртгэлтэй түлхүүрийн код</translation>
    </message>
    <message>
        <source>Year, period, revision</source>
        <translation>Он, хугацаа, хувилбар</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Key code that signed this file:</source>
        <translation>Энэ файлд гарын үсэг зурсан түлхүүрийн код:</translation>
    </message>
    <message>
        <source>Key codes registered for the organization:</source>
        <translation>Байгууллагад бүртгэлтэй түлхүүрийн код:</translation>
    </message>
    <message>
        <source>Accept…</source>
        <translation>Зөвшөөрөх…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Татгалзах…</translation>
    </message>
    <message>
        <source>{0}, {1}, revision {2}</source>
        <translation>{0}, {1}, хувилбар {2}</translation>
    </message>
    <message>
        <source>No file waits for your decision.</source>
        <translation>Таны шийдвэрийг хүлээж буй файл алга.</translation>
    </message>
    <message>
        <source>none registered</source>
        <translation>бүртгэлтэй код алга</translation>
    </message>
    <message>
        <source>Which aimag does this consolidation hold? Write its name as its soums write it (for example Өвөрхангай). It is asked once: files of another aimag then wait for your decision.</source>
        <translation>Энэ нэгтгэл аль аймгийнх вэ? Сумдын бичдэгээр аймгийн нэрийг бичнэ үү (жишээ нь Өвөрхангай). Үүнийг нэг л удаа асууна: өөр аймгийн файл дараа нь таны шийдвэрийг хүлээнэ.</translation>
    </message>
    <message>
        <source>The aimag&apos;s name is needed before a file is accepted; it is never taken from a received file. Set it here or in the Register tab.</source>
        <translation>Файлыг зөвшөөрөхөөс өмнө аймгийн нэр хэрэгтэй; түүнийг ирсэн файлаас хэзээ ч авахгүй. Энд эсвэл «Бүртгэл ба түүх» хуудаснаас тохируулна уу.</translation>
    </message>
    <message>
        <source>Accept the file of {0} ({1}, revision {2})?

Compare the code {3} with the code printed on the signed paper of {0}. Accept only if they are the same.</source>
        <translation>{0}-ийн файлыг ({1}, хувилбар {2}) зөвшөөрөх үү?

{3} кодыг {0}-ийн гарын үсэгтэй цаасан дээр хэвлэгдсэн кодтой тулгана уу. Ижил бол л зөвшөөрнө үү.</translation>
    </message>
    <message>
        <source>Accept the file</source>
        <translation>Файлыг зөвшөөрөх</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Зөвшөөрөх</translation>
    </message>
    <message>
        <source>Reject the file of {0} ({1}, revision {2})? It is not merged; it stays in the archive and the history.</source>
        <translation>{0}-ийн файлаас ({1}, хувилбар {2}) татгалзах уу? Нэгтгэлд орохгүй; архив, түүхэнд хадгалагдана.</translation>
    </message>
    <message>
        <source>Reject the file</source>
        <translation>Файлаас татгалзах</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Татгалзах</translation>
    </message>
    <message>
        <source>The decision was not saved</source>
        <translation>Шийдвэр хадгалагдсангүй</translation>
    </message>
    <message>
        <source>current</source>
        <translation>одоогийн</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>солигдсон</translation>
    </message>
    <message>
        <source>This aimag:</source>
        <translation>Энэ аймаг:</translation>
    </message>
    <message>
        <source>the aimag&apos;s name, as the soums write it</source>
        <translation>аймгийн нэр, сумдын бичдэгээр</translation>
    </message>
    <message>
        <source>Set the name</source>
        <translation>Нэрийг тохируулах</translation>
    </message>
    <message>
        <source>Expected organizations…</source>
        <translation>Ирүүлэх ёстой байгууллагууд…</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Ирүүлэх ёстой</translation>
    </message>
    <message>
        <source>Accepted key codes</source>
        <translation>Зөвшөөрсөн түлхүүрийн код</translation>
    </message>
    <message>
        <source>Choose an organization to see every revision it sent.</source>
        <translation>Байгууллага сонгож, түүний ирүүлсэн бүх хувилбарыг харна уу.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Төлөв</translation>
    </message>
    <message>
        <source>Return to this revision…</source>
        <translation>Энэ хувилбар руу буцаах…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>тийм</translation>
    </message>
    <message>
        <source>no</source>
        <translation>үгүй</translation>
    </message>
    <message>
        <source>no key yet</source>
        <translation>түлхүүр бүртгээгүй</translation>
    </message>
    <message>
        <source>Every revision {0} sent, newest first:</source>
        <translation>{0}-ийн ирүүлсэн бүх хувилбар, шинэ нь эхэндээ:</translation>
    </message>
    <message>
        <source>The aimag&apos;s name</source>
        <translation>Аймгийн нэр</translation>
    </message>
    <message>
        <source>Type the aimag&apos;s name first, as the soums write it.</source>
        <translation>Эхлээд аймгийн нэрийг сумдын бичдэгээр бичнэ үү.</translation>
    </message>
    <message>
        <source>The aimag&apos;s name is now «{0}»: files of another aimag wait for your decision.</source>
        <translation>Аймгийн нэр одоо «{0}»: өөр аймгийн файл таны шийдвэрийг хүлээнэ.</translation>
    </message>
    <message>
        <source>Make revision {0} ({1}, {2}) the current report of {3} again? The revision now current stays in the history.</source>
        <translation>{3}-ийн одоогийн тайланг дахин {0}-р хувилбар ({1}, {2}) болгох уу? Одоогийн хувилбар түүхэнд хадгалагдана.</translation>
    </message>
    <message>
        <source>Return to this revision</source>
        <translation>Энэ хувилбар руу буцаах</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Буцаах</translation>
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
        <source>Due (when it is to be done)</source>
        <translation>Хэрэгжих хугацаа</translation>
    </message>
    <message>
        <source>Responsible (person or unit)</source>
        <translation>Хариуцах эзэн (хүн эсвэл нэгж)</translation>
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
    <message>
        <source>Attach evidence…</source>
        <translation>Нотлох баримт хавсаргах…</translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation>Нотлох баримт хавсаргах</translation>
    </message>
    <message>
        <source>Select a measure first: evidence belongs to a measure.</source>
        <translation>Эхлээд арга хэмжээ сонгоно уу: нотлох баримт арга хэмжээнд хавсрагдана.</translation>
    </message>
    <message>
        <source>Attach {0}</source>
        <translation>{0} хавсаргах</translation>
    </message>
    <message>
        <source>Attach {0} files</source>
        <translation>{0} файл хавсаргах</translation>
    </message>
    <message>
        <source>Remove {0}</source>
        <translation>{0} хасах</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Хуулбарыг хадгалах…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Хасах</translation>
    </message>
    <message>
        <source>Evidence of the whole report: {0} of at most {1}.</source>
        <translation>Тайлангийн нийт нотлох баримт: {0} (дээд хязгаар {1}).</translation>
    </message>
    <message>
        <source>The limit is reached: no more files can be attached.</source>
        <translation>Хязгаарт хүрлээ: өөр файл хавсаргах боломжгүй.</translation>
    </message>
    <message>
        <source>Nearly at the limit: shrink photos or attach fewer files.</source>
        <translation>Хязгаартаа ойртлоо: зургаа багасгах эсвэл цөөн файл хавсаргана уу.</translation>
    </message>
    <message>
        <source>Evidence of {0} (for reference; not carried over, not sent): {1}</source>
        <translation>{0} оны нотлох баримт (лавлах зорилгоор; шилжээгүй, илгээгдэхгүй): {1}</translation>
    </message>
    <message>
        <source>Pictures are shown inside Tailan; save other files to a folder and open them from there.</source>
        <translation>Зургийг Тайлан дотор харуулна; бусад файлыг хавтсанд хадгалаад тэндээс нээнэ үү.</translation>
    </message>
    <message>
        <source>The picture cannot be shown</source>
        <translation>Зургийг харуулж чадсангүй</translation>
    </message>
    <message>
        <source>This picture cannot be shown (damaged, or too large). Save a copy to look at it with another program.</source>
        <extracomment>Megabytes Qt may allocate for one decoded picture (a 100-megapixel picture is never decoded whole).</extracomment>
        <translation>Энэ зургийг харуулах боломжгүй (гэмтсэн эсвэл хэт том). Хуулбарыг хадгалаад өөр програмаар үзнэ үү.</translation>
    </message>
    <message>
        <source>{0}, {1}, fingerprint {2}</source>
        <translation>{0}, {1}, хурууны хээ {2}</translation>
    </message>
    <message>
        <source>Reopen the report for changes (File → Reopen for changes), fix what the reason says, finalize, print, have it signed and send it to the aimag again.</source>
        <translation>Тайланг засварлахаар дахин нээж (Файл → Засварлахаар дахин нээх), шалтгаанд заасныг засаад, баталгаажуулж, хэвлэж, гарын үсэг зуруулан аймагт дахин илгээнэ үү.</translation>
    </message>
    <message>
        <source>Fix what the reason says, then finalize, print, have it signed and send it to the aimag again.</source>
        <translation>Шалтгаанд заасныг засаад, баталгаажуулж, хэвлэж, гарын үсэг зуруулан аймагт дахин илгээнэ үү.</translation>
    </message>
    <message>
        <source>{0} aimag rejected revision {1} (decided {2}). Reason: {3}
What to do now: {4}</source>
        <translation>{0} аймаг хувилбар {1}-ийг татгалзсан ({2}). Шалтгаан: {3}
Одоо юу хийх вэ: {4}</translation>
    </message>
    <message>
        <source>New half-year report from this plan…</source>
        <translation>Энэ төлөвлөгөөнөөс хагас жилийн тайлан…</translation>
    </message>
    <message>
        <source>New annual report from this half-year report…</source>
        <translation>Энэ хагас жилийн тайлангаас жилийн тайлан…</translation>
    </message>
    <message>
        <source>Half-year report: where to keep the file</source>
        <translation>Хагас жилийн тайлан: файлыг хаана хадгалах</translation>
    </message>
    <message>
        <source>Annual report: where to keep the file</source>
        <translation>Жилийн тайлан: файлыг хаана хадгалах</translation>
    </message>
    <message>
        <source>Open the aimag&apos;s call</source>
        <translation>Аймгийн дуудлагыг нээх</translation>
    </message>
    <message>
        <source>Aimag&apos;s call (*.tailan-call);;All files (*)</source>
        <translation>Аймгийн дуудлага (*.tailan-call);;Бүх файл (*)</translation>
    </message>
    <message>
        <source>The call was not taken</source>
        <translation>Дуудлагыг хүлээж авсангүй</translation>
    </message>
    <message>
        <source>This is the first call of {0} aimag on this computer. Its key code is {1}. Compare it with the code in the aimag&apos;s letter: accept the key only if they are the same.</source>
        <translation>Энэ компьютер дээр {0} аймгийн анхны дуудлага байна. Түлхүүрийн код нь {1}. Аймгийн албан бичиг дэх кодтой тулгаж, ижил бол л зөвшөөрнө үү.</translation>
    </message>
    <message>
        <source>{0} aimag rejected revision {1}.</source>
        <translation>{0} аймаг хувилбар {1}-ийг татгалзсан.</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>төлөвлөгөө</translation>
    </message>
    <message>
        <source>half-year report</source>
        <translation>хагас жилийн тайлан</translation>
    </message>
    <message>
        <source>annual report</source>
        <translation>жилийн тайлан</translation>
    </message>
    <message>
        <source>{0} days left</source>
        <translation>{0} хоног үлдсэн</translation>
    </message>
    <message>
        <source>the deadline is today</source>
        <translation>өнөөдөр эцсийн өдөр</translation>
    </message>
    <message>
        <source>{0} days late</source>
        <translation>{0} хоног хоцорсон</translation>
    </message>
    <message>
        <source>The aimag&apos;s call: {0} aimag asks for the {1} of {2} by {3} — {4}.</source>
        <translation>Аймгийн дуудлага: {0} аймаг — {2} оны {1}, эцсийн хугацаа {3} ({4}).</translation>
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
        <extracomment>The aimag&apos;s answer kept in the file changed (``receipt`` and the remarks). The aimag&apos;s call kept with the report changed (``call``). The window&apos;s one path for edits (``WindowActions.push``); see ``push_edit``.</extracomment>
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
        <source>Plan: {0} goals, {1} measures</source>
        <translation>Төлөвлөгөө: {0} зорилт, {1} арга хэмжээ</translation>
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
        <source>Read only</source>
        <translation>Зөвхөн унших</translation>
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
        <source>Responsible (person or unit)</source>
        <translation>Хариуцах эзэн (хүн эсвэл нэгж)</translation>
    </message>
    <message>
        <source>Due (when it is to be done)</source>
        <translation>Хэрэгжих хугацаа</translation>
    </message>
    <message>
        <source>Evidence (photos, scans, documents)</source>
        <translation>Нотлох баримт (зураг, скан, баримт бичиг)</translation>
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
        <source>Due</source>
        <translation>Хугацаа</translation>
    </message>
    <message>
        <source>Evidence: {0} files</source>
        <translation>Нотлох баримт: {0} файл</translation>
    </message>
    <message>
        <source>The aimag&apos;s remarks:</source>
        <translation>Аймгийн тайлбар:</translation>
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
        <source>… and {0} more</source>
        <translation>… мөн өөр {0}</translation>
    </message>
    <message>
        <source>Laying out the pages…</source>
        <translation>Хуудсуудыг байрлуулж байна…</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Өмнөх</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Дараах ▶</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Жижигрүүлэх (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Томруулах (Ctrl++)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Өргөнд тааруулах</translation>
    </message>
    <message>
        <source>Fit the page to the window (Ctrl+0)</source>
        <translation>Хуудсыг цонхны өргөнд тааруулах (Ctrl+0)</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF болгон хадгалах…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Хаах</translation>
    </message>
    <message>
        <source>Page 1 is shown; laying out the other pages…</source>
        <translation>1-р хуудсыг харуулж байна; бусад хуудсыг байрлуулж байна…</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 хөндлөн</translation>
    </message>
    <message>
        <source>The printout could not be laid out.</source>
        <translation>Хэвлэх хуудсыг байрлуулж чадсангүй.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Хэвлэх</translation>
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
    <message>
        <source>Save as PDF</source>
        <translation>PDF болгон хадгалах</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF файл (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF was not written</source>
        <translation>PDF бичигдсэнгүй</translation>
    </message>
</context>
<context>
    <name>ProblemsDock</name>
    <message>
        <source>Problems</source>
        <translation>Алдаа, дутуу</translation>
    </message>
    <message>
        <source>Problems: {0}. Click one to go to it.</source>
        <translation>Алдаа, дутуу: {0}. Дээр нь дарж тухайн мөр рүү очно.</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Алдаа, дутуу олдсонгүй.</translation>
    </message>
    <message>
        <source>Show the list of problems</source>
        <translation>Алдаа, дутуугийн жагсаалтыг харуулах</translation>
    </message>
    <message>
        <source>Fold the list of problems into this line</source>
        <translation>Алдаа, дутуугийн жагсаалтыг энэ мөрөнд хураах</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>No problems found.</source>
        <extracomment>The list&apos;s height when open, in rows of problems (the user may drag it taller). The number of problems after each check.</extracomment>
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
    <message>
        <source>The organization is empty: write it in the report&apos;s header (Report, Organization).</source>
        <translation>Байгууллагын нэр хоосон: тайлангийн толгойд (Тайлан, Байгууллага) бичнэ үү.</translation>
    </message>
    <message>
        <source>The aimag is empty: write it in the report&apos;s header (Report, Aimag), or open the aimag&apos;s call.</source>
        <translation>Аймгийн нэр хоосон: тайлангийн толгойд (Тайлан, Аймаг) бичнэ үү, эсвэл аймгийн дуудлагыг нээнэ үү.</translation>
    </message>
    <message>
        <source>Measure {0}: a plan has no achieved level and no score (they are not printed).</source>
        <translation>{0} арга хэмжээ: төлөвлөгөөнд хүрсэн түвшин, үнэлгээ бичдэггүй (хэвлэгдэхгүй).</translation>
    </message>
    <message>
        <source>The aimag&apos;s call is of {1} aimag; the report names another aimag.</source>
        <translation>Аймгийн дуудлага {1} аймгийнх; тайланд өөр аймаг бичсэн байна.</translation>
    </message>
    <message>
        <source>The aimag&apos;s call asks for the report of {1}; the report&apos;s year differs.</source>
        <translation>Аймгийн дуудлага {1} оны тайлан шаардаж байна; тайлангийн он өөр байна.</translation>
    </message>
    <message>
        <source>The aimag&apos;s call asks for another period ({1}) than the report&apos;s.</source>
        <translation>Аймгийн дуудлага өөр хугацааны ({1}) тайлан шаардаж байна.</translation>
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
        <source>Plan</source>
        <translation>Төлөвлөгөө</translation>
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
