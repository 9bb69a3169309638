"""Makes the Word fixtures in this folder (python-docx 1.2, `pip install python-docx`).

    python3 tests/data/make-docx.py

arabic-article.docx  an Arabic news article as a newsroom would send it: a heading, right-to-
                     left paragraphs, a bold run splitting the word بوتين in two, a line
                     break, a tab, an empty paragraph, a table and a closing paragraph.
arabic-article.expected.txt  the text Taliq must read from it.
truncated.docx       the first half of arabic-article.docx (a download cut short).
not-word.docx        a ZIP package named .docx that holds no word/document.xml.
"""

import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.oxml import OxmlElement

HERE = Path(__file__).parent


def rtl(paragraph):
    """Marks a paragraph and its runs right-to-left, as Word does for Arabic text."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(OxmlElement("w:bidi"))
    for run in paragraph.runs:
        run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))
    return paragraph


def main():
    d = docx.Document()
    # python-docx's template stamps these; fixed values keep the file reproducible
    d.core_properties.author = "Taliq tests"
    rtl(d.add_heading("بوتين وترامب يبحثان مكافحة كورونا", level=1))
    p = d.add_paragraph()
    p.add_run("بحث الرئيس الروسي فلاديمير ")
    p.add_run("بوت").bold = True
    p.add_run("ين، ونظيره الأميركي دونالد ترامب، مكافحة فيروس كورونا.")
    rtl(p)
    p = d.add_paragraph()
    run = p.add_run("وأفاد الكرملين بأن الاتصال جرى اليوم الاثنين.")
    run.add_break()
    run.add_text("وقال المتحدث:")
    run.add_tab()
    run.add_text("«التعاون ممكن».")
    rtl(p)
    d.add_paragraph()
    table = d.add_table(rows=2, cols=2)
    for r, row in enumerate([("المدينة", "موسكو"), ("التاريخ", "30 آذار/ مارس 2020")]):
        for c, value in enumerate(row):
            rtl(table.cell(r, c).paragraphs[0]).add_run(value)
    rtl(d.add_paragraph("وتأتي المكالمة قبل قمة مجموعة السبع."))
    d.save(HERE / "arabic-article.docx")

    expected = "\n".join([
        "بوتين وترامب يبحثان مكافحة كورونا",
        "بحث الرئيس الروسي فلاديمير بوتين، ونظيره الأميركي دونالد ترامب، مكافحة فيروس كورونا.",
        "وأفاد الكرملين بأن الاتصال جرى اليوم الاثنين.",
        "وقال المتحدث:\t«التعاون ممكن».",
        "",
        "المدينة\tموسكو",
        "التاريخ\t30 آذار/ مارس 2020",
        "وتأتي المكالمة قبل قمة مجموعة السبع.",
    ])
    (HERE / "arabic-article.expected.txt").write_text(expected, encoding="utf-8")

    data = (HERE / "arabic-article.docx").read_bytes()
    (HERE / "truncated.docx").write_bytes(data[: len(data) // 2])
    with zipfile.ZipFile(HERE / "not-word.docx", "w") as z:
        z.writestr("readme.txt", "ليس مستند وورد")


if __name__ == "__main__":
    main()
