//! The form sheet (`Kết quả`): title block, header, task headings with their empty
//! rows, input guards, remarks and signature block, page setup and protection.
//! The calls keep the order they have always had: the order of merges and input
//! guards is the order of the file's XML, so it is part of the bytes.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, ExcelDateTime, Format,
    ProtectionOptions, Worksheet, XlsxError,
};

use super::{agency_line, col, heading, Ctx, Formats, Layout, MeasureList};
use crate::plan::Role;

pub(super) fn write_form(
    ws: &mut Worksheet,
    ctx: &Ctx,
    layout: &Layout,
    measures: &MeasureList,
) -> Result<(), XlsxError> {
    let f = Formats::new();
    ws.set_name(&ctx.texts.sheet_names.form)?;
    for (c, width) in col::WIDTHS.iter().enumerate() {
        ws.set_column_width(c as u16, *width)?;
    }
    write_title_block(ws, ctx, layout, &f)?;
    add_date_guard(ws, ctx, layout)?;
    write_header(ws, ctx, layout, &f)?;
    write_groups(ws, ctx, layout, &f)?;

    // Input guards and prompts over the whole data area; Excel extends them to rows
    // inserted inside it.
    let area = layout.data_area();
    if !area.is_empty() {
        add_guards(ws, ctx, area.start, area.end - 1, measures)?;
    }

    write_remarks_and_signature(ws, ctx, layout, &f)?;
    set_up_page_and_protect(ws, layout)
}

/// The agency, title and subtitle, the unit's name and the report date cell.
fn write_title_block(
    ws: &mut Worksheet,
    ctx: &Ctx,
    layout: &Layout,
    f: &Formats,
) -> Result<(), XlsxError> {
    let t = &ctx.texts.title_block;
    let across = |ws: &mut Worksheet, row: u32, text: &str, format: &Format| {
        ws.merge_range(row, 0, row, col::LAST, text, format)
            .map(|_| ())
    };
    across(ws, layout.agency_row, &agency_line(ctx.plan), &f.agency)?;
    across(ws, layout.title_row, &ctx.fill(&t.title), &f.title)?;
    ws.set_row_height(layout.title_row, 36)?;
    across(ws, layout.subtitle_row, &ctx.fill(&t.subtitle), &f.subtitle)?;
    let (unit, date) = (layout.unit_row, layout.date_row);
    ws.merge_range(unit, 0, unit, col::TASK, &t.unit_label, &f.label)?;
    ws.merge_range(
        unit,
        col::ACTIVITY,
        unit,
        col::LAST,
        &ctx.unit.name,
        &f.value,
    )?;
    ws.merge_range(date, 0, date, col::TASK, &t.date_label, &f.label)?;
    ws.write_blank(layout.date_row, col::ACTIVITY, &f.date)?;
    Ok(())
}

/// The report date cell accepts a date from 1/1 of the plan year to 31/12 of the next.
fn add_date_guard(ws: &mut Worksheet, ctx: &Ctx, layout: &Layout) -> Result<(), XlsxError> {
    let year = ctx.plan.year as u16;
    let (from, to) = (
        ExcelDateTime::from_ymd(year, 1, 1)?,
        ExcelDateTime::from_ymd(year + 1, 12, 31)?,
    );
    let prompt = &ctx.texts.date_prompt;
    let error = &ctx.texts.input_errors.date;
    let rule = DataValidation::new()
        .allow_date(DataValidationRule::Between(from, to))
        .set_input_title(&prompt.title)?
        .set_input_message(ctx.fill(&prompt.message))?
        .set_error_title(&error.title)?
        .set_error_message(ctx.fill(&error.message))?;
    ws.add_data_validation(
        layout.date_row,
        col::ACTIVITY,
        layout.date_row,
        col::ACTIVITY,
        &rule,
    )?;
    Ok(())
}

fn write_header(
    ws: &mut Worksheet,
    ctx: &Ctx,
    layout: &Layout,
    f: &Formats,
) -> Result<(), XlsxError> {
    for (c, (_, column)) in ctx.texts.columns.in_order().iter().enumerate() {
        ws.write_string_with_format(layout.header_row, c as u16, &column.label, &f.header)?;
    }
    ws.set_row_height(layout.header_row, 48)?;
    Ok(())
}

/// Task headings and the empty rows under them (or the free rows).
fn write_groups(
    ws: &mut Worksheet,
    ctx: &Ctx,
    layout: &Layout,
    f: &Formats,
) -> Result<(), XlsxError> {
    let table_width: f64 = col::WIDTHS[1..].iter().sum();
    for g in &layout.groups {
        let task = ctx.plan.task(g.task).expect("assigned task is in the plan");
        let text = heading(ctx.texts, task, g.role);
        let format = match g.role {
            Role::Lead => &f.lead_heading,
            Role::Coordinating => &f.coordinating_heading,
        };
        ws.write_blank(g.row, col::NUMBER, format)?;
        ws.merge_range(g.row, col::TASK, g.row, col::LAST, &text, format)?;
        // Excel does not grow merged cells to fit: size the row for the text.
        let lines = (text.chars().count() as f64 * 1.1 / table_width)
            .ceil()
            .max(1.0);
        ws.set_row_height(g.row, 16.0 * lines + 2.0)?;
        for r in g.data_rows.clone() {
            write_empty_row(ws, r, f)?;
        }
    }
    for r in layout.free_rows.clone() {
        write_empty_row(ws, r, f)?;
    }
    Ok(())
}

fn write_empty_row(ws: &mut Worksheet, row: u32, f: &Formats) -> Result<(), XlsxError> {
    for (c, format) in f.data.iter().enumerate() {
        ws.write_blank(row, c as u16, format)?;
    }
    Ok(())
}

/// Drop-downs, number checks and a prompt on every column of rows `first..=last`.
fn add_guards(
    ws: &mut Worksheet,
    ctx: &Ctx,
    first: u32,
    last: u32,
    measures: &MeasureList,
) -> Result<(), XlsxError> {
    for (c, (_, column)) in ctx.texts.columns.in_order().iter().enumerate() {
        let c = c as u16;
        let rule = column_rule(ctx, c, measures)?
            .set_input_title(&column.prompt.title)?
            .set_input_message(ctx.fill(&column.prompt.message))?;
        ws.add_data_validation(first, c, last, c, &rule)?;
    }
    Ok(())
}

/// What column `c` accepts, with the message shown when a value is refused.
fn column_rule(ctx: &Ctx, c: u16, measures: &MeasureList) -> Result<DataValidation, XlsxError> {
    let errors = &ctx.texts.input_errors;
    Ok(match c {
        col::QUANTITY => DataValidation::new()
            .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
            .set_error_title(&errors.quantity.title)?
            .set_error_message(ctx.fill(&errors.quantity.message))?,
        col::STATUS => DataValidation::new()
            .allow_list_strings(&super::status_list(ctx.vocabulary))?
            .set_error_title(&errors.status.title)?
            .set_error_message(ctx.fill(&errors.status.message))?,
        col::MEASURE => {
            let rule = match measures {
                MeasureList::Inline => {
                    DataValidation::new().allow_list_strings(&ctx.plan.units_of_measure)?
                }
                MeasureList::Sheet(formula) => {
                    DataValidation::new().allow_list_formula(formula.clone())
                }
            };
            // A warning, not a stop: a unit may need a measure the plan lacks
            // (the checker then says W114).
            rule.set_error_style(DataValidationErrorStyle::Warning)
                .set_error_title(&errors.measure.title)?
                .set_error_message(ctx.fill(&errors.measure.message))?
        }
        _ => DataValidation::new().allow_any_value(),
    })
}

/// The unit's remarks (difficulties, proposals) and the signature block.
fn write_remarks_and_signature(
    ws: &mut Worksheet,
    ctx: &Ctx,
    layout: &Layout,
    f: &Formats,
) -> Result<(), XlsxError> {
    let remarks = &ctx.texts.remarks;
    for (r, label) in [
        (layout.difficulties_row, &remarks.difficulties),
        (layout.proposals_row, &remarks.proposals),
    ] {
        ws.merge_range(r, 0, r, col::TASK, label, &f.label)?;
        ws.merge_range(r, col::ACTIVITY, r, col::LAST, "", &f.remarks)?;
        ws.set_row_height(r, 48)?;
    }
    let sign = &ctx.texts.signature;
    let s = layout.signature_row;
    let left = (0, col::ACTIVITY);
    let right = (col::TIME, col::LAST);
    for (row, (first, last), text, format) in [
        (s, left, &sign.preparer, &f.signature),
        (s, right, &sign.head, &f.signature),
        (s + 1, left, &sign.preparer_hint, &f.sign_hint),
        (s + 1, right, &sign.head_hint, &f.sign_hint),
    ] {
        ws.merge_range(row, first, row, last, text, format)?;
    }
    Ok(())
}

/// Frozen header, printed on every page, A4 landscape one page wide; protected
/// with rows insertable and formatting allowed.
fn set_up_page_and_protect(ws: &mut Worksheet, layout: &Layout) -> Result<(), XlsxError> {
    ws.set_freeze_panes(layout.header_row + 1, 0)?;
    ws.set_repeat_rows(layout.header_row, layout.header_row)?;
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    ws.set_active(true);
    ws.protect_with_options(&ProtectionOptions {
        format_cells: true,
        format_columns: true,
        format_rows: true,
        insert_rows: true,
        delete_rows: true,
        ..ProtectionOptions::new()
    });
    Ok(())
}
