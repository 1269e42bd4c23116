"""pdfplumber and its floor, timed over PDFs in one Python process, for `npm run bench:pdf`.

The floor: pdfminer.six reading every page as pdfplumber has it read (Debian: python3-pdfminer).
pdfplumber hands each page to pdfminer's interpreter with a PDFPageAggregator and no layout
analysis, then walks the objects to build its characters and lines and finds tables on top; the
floor does the first two only, so pdfplumber's line strategy costs at least this much. When
pdfplumber itself can be imported, `--pdfplumber` times its line strategy: every table found with
lines for both directions, extracted.

Usage: pdfminer_floor.py [--pdfplumber] ROUNDS FILE...; prints one JSON object: milliseconds
(fastest round) and pages per file, and the milliseconds from the interpreter's start to its
first file.
"""

import json
import sys
import time

START = time.perf_counter()

from pdfminer.converter import PDFPageAggregator  # noqa: E402
from pdfminer.layout import LTContainer  # noqa: E402
from pdfminer.pdfdocument import PDFDocument  # noqa: E402
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager  # noqa: E402
from pdfminer.pdfpage import PDFPage  # noqa: E402
from pdfminer.pdfparser import PDFParser  # noqa: E402


def walk(objects):
    """Count the layout objects, descending into containers (figures), as pdfplumber collects them."""
    n = 0
    for obj in objects:
        n += 1
        if isinstance(obj, LTContainer):
            n += walk(obj)
    return n


def read(path):
    """Read every page of the PDF at path; return the number of pages."""
    with open(path, "rb") as f:
        doc = PDFDocument(PDFParser(f))
        manager = PDFResourceManager(caching=True)
        device = PDFPageAggregator(manager, laparams=None)
        interpreter = PDFPageInterpreter(manager, device)
        pages = 0
        for page in PDFPage.create_pages(doc):
            interpreter.process_page(page)
            walk(device.get_result())
            pages += 1
    return pages


LINES = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


def read_tables(path):
    """Find and extract every table of the PDF at path with pdfplumber's line strategy; return the number of pages."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.find_tables(table_settings=LINES):
                table.extract()
        return len(pdf.pages)


def main():
    args = sys.argv[1:]
    reader = read
    if args and args[0] == "--pdfplumber":
        reader = read_tables
        args = args[1:]
    rounds = int(args[0])
    files = args[1:]
    loaded = (time.perf_counter() - START) * 1000
    result = {"startup_ms": loaded, "files": {}}
    for path in files:
        pages = reader(path)
        best = float("inf")
        for _ in range(rounds):
            t0 = time.perf_counter()
            reader(path)
            best = min(best, (time.perf_counter() - t0) * 1000)
        result["files"][path] = {"ms": best, "pages": pages}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
