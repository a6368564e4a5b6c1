"""Pictures shown inside Tailan: decoded under a size limit, turned upright, never by another program.

A picture is evidence from elsewhere (at the aimag, from a received file). Its size
is read from its header first and a picture of more pixels than
``MAX_PICTURE_PIXELS`` is not decoded; Qt's reader also has an allocation limit, and
JPEGs are decoded at a reduced scale straight to the size shown. EXIF orientation is
applied (a phone photo taken upright shows upright). What cannot be shown is said
and can still be saved as a file.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout

from core.report.evidence.limits import MAX_PICTURE_PIXELS, size_text
from core.report.kinds import EvidenceType
from gui.i18n import tr

#: Megabytes Qt may allocate for one decoded picture (a 100-megapixel picture is never decoded whole).
ALLOCATION_LIMIT_MB = 128
THUMBNAIL_SIDE = 48


def read_picture(data: bytes, max_side: int | None = None) -> QImage | None:
    """The picture in ``data``, upright, at most ``max_side`` on its longest side; ``None`` when it
    cannot be shown (damaged, or more pixels than any photo has)."""
    QImageReader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid() or size.width() * size.height() > MAX_PICTURE_PIXELS:
        return None
    if max_side is not None and max(size.width(), size.height()) > max_side:
        reader.setScaledSize(size.scaled(QSize(max_side, max_side), Qt.KeepAspectRatio))
    elif size.width() * size.height() * 4 > ALLOCATION_LIMIT_MB * 1024 * 1024:
        return None
    image = reader.read()
    return None if image.isNull() else image


def thumbnail(data: bytes, side: int = THUMBNAIL_SIDE) -> QPixmap | None:
    """A small picture for the list, or ``None`` when the picture cannot be shown."""
    image = read_picture(data, side * 2)
    if image is None:
        return None
    return QPixmap.fromImage(image.scaled(side, side, Qt.KeepAspectRatio, Qt.SmoothTransformation))


class PictureDialog(QDialog):
    """One picture of a measure, inside Tailan, fitted to the screen."""

    def __init__(self, evidence, data: bytes, parent=None):
        super().__init__(parent)
        self.setObjectName("pictureDialog")
        self.setWindowTitle(evidence.name)
        layout = QVBoxLayout(self)
        screen = (parent.screen() if parent is not None else QGuiApplication.primaryScreen()).availableGeometry()
        side = max(200, min(screen.width(), screen.height()) * 8 // 10)
        image = read_picture(data, side)
        self.picture = QLabel()
        self.picture.setObjectName("pictureLabel")
        self.picture.setAlignment(Qt.AlignCenter)
        if image is None:
            self.picture.setText(tr("This picture cannot be shown (damaged, or too large). Save a copy to look at "
                                    "it with another program."))
            self.picture.setWordWrap(True)
        else:
            self.picture.setPixmap(QPixmap.fromImage(image))
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(self.picture)
        layout.addWidget(area, 1)
        caption = QLabel(tr("{0}, {1}, fingerprint {2}").format(
            EvidenceType(evidence.type).label, size_text(evidence.size), evidence.sha256[:8]))
        caption.setObjectName("pictureCaption")
        layout.addWidget(caption)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if image is not None:
            self.resize(min(screen.width() - 40, image.width() + 60), min(screen.height() - 40, image.height() + 120))
        self.shown = image
