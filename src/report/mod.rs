//! Workbooks out: the template workbook and the analyst report.
