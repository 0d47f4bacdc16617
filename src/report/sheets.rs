//! The analyst report's building blocks: cell styles, a table writer that gives every number a
//! format and every undefined value a centred «—», sheet setup (title, print layout) and the
//! conditional formats the report's tables share.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    ColNum, Color, ConditionalFormat3ColorScale, ConditionalFormatCustomIcon, ConditionalFormatIconSet,
    ConditionalFormatIconType, ConditionalFormatType, ExcelDateTime, Format, FormatAlign, FormatBorder, RowNum,
    Worksheet, XlsxError,
};

use crate::format::{DASH, Lang};

/// The row (0-based) of every report table's header: row 1 holds the sheet's title, row 2 the
/// clinic and period, so tests and users find the table at the same place on every sheet.
pub(crate) const HEADER_ROW: RowNum = 3;

/// How a column's numbers are shown. Values are written unrounded; only the format rounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Plain text.
    Text,
    /// Money in the clinic's currency, whole units with thousand separators.
    Money,
    /// A fraction shown as a percent with one decimal.
    Rate,
    /// A count: whole numbers with thousand separators.
    Count,
    /// A plain ratio such as ROAS (two decimals).
    Ratio,
    /// A number with one decimal (hours, weights, NPS points).
    Decimal,
    /// A day.
    Date,
}

/// One cell of a table.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum V {
    /// Nothing: the value does not apply here (a forecast of a complete month).
    Empty,
    /// Text.
    Text(String),
    /// A number, or «—» when undefined (`None`, NaN or infinite).
    Num(Option<f64>),
    /// A day.
    Date(NaiveDate),
    /// «—»: a value that should be there and is undefined.
    Dash,
}

impl V {
    /// Text, or «—» when missing.
    pub(crate) fn text(s: Option<&str>) -> V {
        s.map_or(V::Dash, |s| V::Text(s.to_string()))
    }
}

/// A table column: its header, width (Excel character units) and how its numbers look.
pub(crate) struct Col {
    pub label: String,
    pub width: f64,
    pub kind: Kind,
}

/// Shorthand for a [`Col`].
pub(crate) fn col(label: &str, width: f64, kind: Kind) -> Col {
    Col { label: label.to_string(), width, kind }
}

pub(crate) use crate::metrics::references::Status;

/// Every format the report uses, built once per workbook.
pub(crate) struct Styles {
    pub title: Format,
    pub subtitle: Format,
    pub section: Format,
    pub header: Format,
    pub note: Format,
    pub text: Format,
    pub text_right: Format,
    pub bold: Format,
    pub dash: Format,
    /// Per [`Kind`], plain and on a Total row.
    kinds: [[Format; 7]; 2],
    status: [Format; 3],
}

fn kind_index(k: Kind) -> usize {
    match k {
        Kind::Text => 0,
        Kind::Money => 1,
        Kind::Rate => 2,
        Kind::Count => 3,
        Kind::Ratio => 4,
        Kind::Decimal => 5,
        Kind::Date => 6,
    }
}

/// The currency sign for number formats (the app's sign, see `format::currency_sign`).
pub(crate) fn currency_symbol(currency: &str) -> String {
    // A quote inside a quoted literal would break the number format.
    crate::format::currency_sign(currency).replace('"', "")
}

impl Styles {
    /// The formats for a workbook in `currency` and `lang` (dates as the language writes them).
    pub(crate) fn new(currency: &str, lang: Lang) -> Self {
        let symbol = currency_symbol(currency);
        let date = match lang {
            Lang::Ru => "dd.mm.yyyy",
            Lang::En | Lang::Zh => "yyyy-mm-dd",
        };
        let plain = |f: Format| f;
        let total = |f: Format| f.set_bold().set_border_top(FormatBorder::Thin).set_background_color(0xF2F2F2);
        let make = |wrap: &dyn Fn(Format) -> Format| {
            [
                wrap(Format::new()),
                wrap(Format::new().set_num_format(format!("#,##0 \"{symbol}\""))),
                wrap(Format::new().set_num_format("0.0%")),
                wrap(Format::new().set_num_format("#,##0")),
                wrap(Format::new().set_num_format("0.00")),
                wrap(Format::new().set_num_format("#,##0.0")),
                wrap(Format::new().set_num_format(date).set_align(FormatAlign::Center)),
            ]
        };
        let status = |fill: u32, font: u32| {
            Format::new().set_background_color(fill).set_font_color(font).set_align(FormatAlign::Center).set_bold()
        };
        Self {
            title: Format::new().set_bold().set_font_size(14),
            subtitle: Format::new().set_italic().set_font_color(0x595959),
            section: Format::new().set_bold().set_font_size(12).set_font_color(0x1F4E79),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(0xDDEBF7)
                .set_border_bottom(FormatBorder::Thin),
            note: Format::new().set_italic().set_font_color(0x595959),
            text: Format::new(),
            text_right: Format::new().set_align(FormatAlign::Right),
            bold: Format::new().set_bold(),
            dash: Format::new().set_align(FormatAlign::Center).set_font_color(0x808080),
            kinds: [make(&plain), make(&total)],
            // Excel's own good / neutral / bad cell styles, which readers already know.
            status: [status(0xC6EFCE, 0x006100), status(0xFFEB9C, 0x9C5700), status(0xFFC7CE, 0x9C0006)],
        }
    }

    /// The number format of a kind, plain or on a Total row.
    pub(crate) fn of(&self, kind: Kind, total: bool) -> &Format {
        &self.kinds[usize::from(total)][kind_index(kind)]
    }

    /// The fill of a status cell.
    pub(crate) fn status(&self, s: Status) -> &Format {
        &self.status[s as usize]
    }
}

/// A day as Excel's date.
pub(crate) fn excel_date(day: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(day.year()).map_err(|_| {
        XlsxError::DateTimeRangeError(format!("Year: '{}' outside Excel range of 1900-9999", day.year()))
    })?;
    // Month and day always fit in u8; from_ymd checks the year against Excel's range.
    ExcelDateTime::from_ymd(year, day.month() as u8, day.day() as u8)
}

/// Writes one value with the format of its column's kind.
pub(crate) fn write_value(
    ws: &mut Worksheet,
    st: &Styles,
    row: RowNum,
    col: ColNum,
    value: &V,
    kind: Kind,
    total: bool,
) -> Result<(), XlsxError> {
    let fmt = st.of(kind, total);
    match value {
        V::Empty => {
            if total {
                ws.write_blank(row, col, fmt)?;
            }
        }
        V::Text(s) => {
            ws.write_string_with_format(row, col, s, if total { st.of(Kind::Text, true) } else { &st.text })?;
        }
        // Excel has no NaN or infinity, and a 0 would lie: an undefined value is a centred dash.
        V::Num(Some(x)) if x.is_finite() => {
            ws.write_number_with_format(row, col, *x, fmt)?;
        }
        V::Num(_) | V::Dash => {
            ws.write_string_with_format(row, col, DASH, &st.dash)?;
        }
        V::Date(d) => {
            ws.write_datetime_with_format(row, col, excel_date(*d)?, fmt)?;
        }
    }
    Ok(())
}

/// Where a written table landed.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Placed {
    /// The header row.
    pub header: RowNum,
    /// First data row.
    pub first: RowNum,
    /// Last data row, the Total row excluded (equal to `header` when there are no rows).
    pub last: RowNum,
    /// The Total row, if any.
    pub total: Option<RowNum>,
    /// First column.
    pub col0: ColNum,
}

impl Placed {
    /// Whether the table has data rows.
    pub(crate) fn has_rows(&self) -> bool {
        self.last >= self.first
    }

    /// The sheet column of the table's `i`-th column.
    pub(crate) fn col(&self, i: usize) -> ColNum {
        self.col0 + i as ColNum
    }

    /// The last row written (the Total row when there is one).
    pub(crate) fn end(&self) -> RowNum {
        self.total.unwrap_or(self.last)
    }
}

fn row_num(i: usize) -> Result<RowNum, XlsxError> {
    RowNum::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)
}

/// Writes a table with its header at `header` and column `col0`: column widths, a wrapped header,
/// the rows, and an optional bold Total row.
pub(crate) fn write_table(
    ws: &mut Worksheet,
    st: &Styles,
    header: RowNum,
    col0: ColNum,
    cols: &[Col],
    rows: &[Vec<V>],
    total: Option<&[V]>,
) -> Result<Placed, XlsxError> {
    for (i, c) in cols.iter().enumerate() {
        let cn = col0 + i as ColNum;
        ws.write_string_with_format(header, cn, &c.label, &st.header)?;
        ws.set_column_width(cn, c.width)?;
    }
    for (i, row) in rows.iter().enumerate() {
        let r = header + 1 + row_num(i)?;
        for (c, (v, column)) in row.iter().zip(cols).enumerate() {
            write_value(ws, st, r, col0 + c as ColNum, v, column.kind, false)?;
        }
    }
    let last = header + row_num(rows.len())?;
    let total_row = match total {
        Some(values) => {
            let r = last + 1;
            for (c, column) in cols.iter().enumerate() {
                let v = values.get(c).unwrap_or(&V::Empty);
                write_value(ws, st, r, col0 + c as ColNum, v, column.kind, true)?;
            }
            Some(r)
        }
        None => None,
    };
    Ok(Placed { header, first: header + 1, last, total: total_row, col0 })
}

/// Adds a worksheet named `name` with a title and a subtitle, landscape, fitted to one page wide,
/// with the table header repeated on every printed page.
pub(crate) fn new_sheet<'a>(
    wb: &'a mut rust_xlsxwriter::Workbook,
    st: &Styles,
    name: &str,
    title: &str,
    subtitle: &str,
) -> Result<&'a mut Worksheet, XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    ws.write_string_with_format(0, 0, title, &st.title)?;
    ws.write_string_with_format(1, 0, subtitle, &st.subtitle)?;
    ws.set_row_height(HEADER_ROW, 45)?;
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    ws.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
    Ok(ws)
}

/// Freezes the title and header rows (and `cols` columns) and puts an autofilter on the table.
pub(crate) fn freeze_and_filter(ws: &mut Worksheet, t: &Placed, ncols: usize, cols: ColNum) -> Result<(), XlsxError> {
    ws.set_freeze_panes(t.header + 1, cols)?;
    if ncols > 0 {
        // The Total row stays outside the filter so that sorting never moves it.
        ws.autofilter(t.header, t.col0, t.last, t.col0 + (ncols - 1) as ColNum)?;
    }
    Ok(())
}

/// Traffic lights on a plan-completion column: red below 90 %, yellow below 100 %, green from 100 %.
pub(crate) fn completion_lights(ws: &mut Worksheet, first: RowNum, last: RowNum, col: ColNum) -> Result<(), XlsxError> {
    if last < first {
        return Ok(());
    }
    let icons = [
        ConditionalFormatCustomIcon::new().set_rule(ConditionalFormatType::Percent, 0),
        ConditionalFormatCustomIcon::new().set_rule(ConditionalFormatType::Number, 0.9),
        ConditionalFormatCustomIcon::new().set_rule(ConditionalFormatType::Number, 1.0),
    ];
    let cf =
        ConditionalFormatIconSet::new().set_icon_type(ConditionalFormatIconType::ThreeTrafficLights).set_icons(&icons);
    ws.add_conditional_format(first, col, last, col, &cf)?;
    Ok(())
}

/// A red–yellow–green colour scale with fixed points (`low` red, `mid` yellow, `high` green).
pub(crate) fn colour_scale(
    ws: &mut Worksheet,
    (first, last, col): (RowNum, RowNum, ColNum),
    low: f64,
    mid: f64,
    high: f64,
) -> Result<(), XlsxError> {
    if last < first {
        return Ok(());
    }
    let cf = ConditionalFormat3ColorScale::new()
        .set_minimum(ConditionalFormatType::Number, low)
        .set_midpoint(ConditionalFormatType::Number, mid)
        .set_maximum(ConditionalFormatType::Number, high)
        .set_minimum_color(Color::RGB(0xF8696B))
        .set_midpoint_color(Color::RGB(0xFFEB84))
        .set_maximum_color(Color::RGB(0x63BE7B));
    ws.add_conditional_format(first, col, last, col, &cf)?;
    Ok(())
}

/// A red–white–green scale around zero for money gained or lost.
pub(crate) fn gain_scale(
    ws: &mut Worksheet,
    first: RowNum,
    last: RowNum,
    (c1, c2): (ColNum, ColNum),
) -> Result<(), XlsxError> {
    if last < first {
        return Ok(());
    }
    let cf = ConditionalFormat3ColorScale::new()
        .set_midpoint(ConditionalFormatType::Number, 0)
        .set_minimum_color(Color::RGB(0xF8696B))
        .set_midpoint_color(Color::White)
        .set_maximum_color(Color::RGB(0x63BE7B));
    ws.add_conditional_format(first, c1, last, c2, &cf)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats_carry_the_currency_sign() {
        assert_eq!(currency_symbol("RUB"), "₽");
        assert_eq!(currency_symbol("KZT"), "₸");
        assert_eq!(currency_symbol("\"X\""), "X");
    }
}
