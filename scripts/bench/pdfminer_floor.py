"""Floor of pdfplumber: pdfminer.six reading every page of each PDF, as pdfplumber has it read.

Used by `npm run bench:pdf` when pdfminer.six is installed (Debian: python3-pdfminer). pdfplumber
hands each page to pdfminer's interpreter with a PDFPageAggregator and no layout analysis, then
walks the objects to build its characters and lines and finds tables on top; this script does
the first two only, so pdfplumber's line strategy costs at least this much.

Usage: pdfminer_floor.py ROUNDS FILE...; prints one JSON object: milliseconds (fastest round) and
pages per file, and the milliseconds from the interpreter's start to its first file.
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


def main():
    rounds = int(sys.argv[1])
    files = sys.argv[2:]
    loaded = (time.perf_counter() - START) * 1000
    result = {"startup_ms": loaded, "files": {}}
    for path in files:
        pages = read(path)
        best = float("inf")
        for _ in range(rounds):
            t0 = time.perf_counter()
            read(path)
            best = min(best, (time.perf_counter() - t0) * 1000)
        result["files"][path] = {"ms": best, "pages": pages}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
