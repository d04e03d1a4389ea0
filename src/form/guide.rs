//! The `Hướng dẫn` sheet: how to fill the form, the plan's tasks and content
//! areas, the accepted times, statuses and units of measure, what to do before
//! sending. One function per section; each returns the next free row.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

use super::{Ctx, FONT, HEADER_FILL};
use crate::plan::Role;

/// The last column a line of text is merged to.
const LAST: u16 = 5;
const WIDTHS: [f64; 6] = [6.0, 60.0, 26.0, 26.0, 18.0, 14.0];

/// The guide's formats.
struct Formats {
    base: Format,
    title: Format,
    section: Format,
    text: Format,
    cell: Format,
    number: Format,
    head: Format,
}

impl Formats {
    fn new() -> Formats {
        let base = Format::new().set_font_name(FONT).set_font_size(12);
        let title = base.clone().set_bold().set_font_size(14);
        let section = base.clone().set_bold();
        let text = base.clone().set_text_wrap().set_align(FormatAlign::Top);
        let cell = text.clone().set_border(FormatBorder::Thin);
        let number = cell.clone().set_align(FormatAlign::Center);
        let head = cell
            .clone()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_background_color(Color::RGB(HEADER_FILL));
        Formats {
            base,
            title,
            section,
            text,
            cell,
            number,
            head,
        }
    }
}

/// The sheet being written.
struct Guide<'w, 'a> {
    ws: &'w mut Worksheet,
    ctx: &'w Ctx<'a>,
    f: Formats,
}

pub(super) fn write_guide(ws: &mut Worksheet, ctx: &Ctx) -> Result<(), XlsxError> {
    let mut g = Guide {
        ws,
        ctx,
        f: Formats::new(),
    };
    let r = g.title()?;
    let r = g.how(r)?;
    let r = g.tasks(r)?;
    let r = g.areas(r)?;
    let r = g.times(r)?;
    let r = g.statuses(r)?;
    let r = g.measures(r)?;
    g.send(r)?;

    g.ws.set_landscape();
    g.ws.set_paper_size(9);
    g.ws.set_print_fit_to_pages(1, 0);
    g.ws.protect();
    Ok(())
}

impl Guide<'_, '_> {
    /// Sheet name, column widths, the title and the unit it is for.
    fn title(&mut self) -> Result<u32, XlsxError> {
        let ctx = self.ctx;
        let guide = &ctx.texts.guide;
        self.ws.set_name(&ctx.texts.sheet_names.guide)?;
        for (c, w) in WIDTHS.into_iter().enumerate() {
            self.ws.set_column_width(c as u16, w)?;
        }
        self.ws
            .write_string_with_format(0, 0, ctx.fill(&guide.title), &self.f.title)?;
        self.ws
            .write_string_with_format(1, 0, ctx.fill(&guide.for_unit), &self.f.base)?;
        Ok(3)
    }

    /// A section's heading in column A; returns the row below it.
    fn heading(&mut self, r: u32, text: &str) -> Result<u32, XlsxError> {
        self.ws
            .write_string_with_format(r, 0, text, &self.f.section)?;
        Ok(r + 1)
    }

    fn bullet(&mut self, r: u32) -> Result<(), XlsxError> {
        let bullet = &self.ctx.texts.guide.bullet;
        self.ws
            .write_string_with_format(r, 0, bullet, &self.f.text)?;
        Ok(())
    }

    /// A line of text merged from column `first` across the sheet, its row sized for
    /// its length.
    fn line(&mut self, r: u32, first: u16, s: &str) -> Result<(), XlsxError> {
        self.ws.merge_range(r, first, r, LAST, s, &self.f.text)?;
        let width = if first == 0 { 150.0 } else { 144.0 };
        let lines = (s.chars().count() as f64 * 1.1 / width).ceil().max(1.0);
        self.ws.set_row_height(r, 16.0 * lines + 2.0)?;
        Ok(())
    }

    /// Bulleted lines, placeholders filled; returns the row after a blank one.
    fn bullet_lines(&mut self, mut r: u32, lines: &[String]) -> Result<u32, XlsxError> {
        for s in lines {
            self.bullet(r)?;
            let s = self.ctx.fill(s);
            self.line(r, 1, &s)?;
            r += 1;
        }
        Ok(r + 1)
    }

    /// 1. How to fill the form.
    fn how(&mut self, r: u32) -> Result<u32, XlsxError> {
        let ctx = self.ctx;
        let how = &ctx.texts.guide.how;
        let r = self.heading(r, &how.heading)?;
        self.bullet_lines(r, &how.lines)
    }

    /// 2. The plan's tasks, with this unit's role in each.
    fn tasks(&mut self, r: u32) -> Result<u32, XlsxError> {
        let ctx = self.ctx;
        let (plan, unit) = (ctx.plan, ctx.unit);
        let words = &ctx.texts.guide.tasks;
        let mut r = self.heading(r, &words.heading)?;
        for (c, h) in words.columns.iter().enumerate() {
            self.ws
                .write_string_with_format(r, c as u16, h, &self.f.head)?;
        }
        r += 1;
        for task in &plan.tasks {
            let leads = task
                .lead_units
                .iter()
                .map(|code| plan.unit(code).map_or(code.as_str(), |u| u.name.as_str()))
                .collect::<Vec<_>>()
                .join("; ");
            let coordinating = if task.coordinating_text.is_empty() {
                &words.no_coordinating
            } else {
                &task.coordinating_text
            };
            let role = match plan.role(task, &unit.code) {
                Some(Role::Lead) => &words.roles.lead,
                Some(Role::Coordinating) => &words.roles.coordinating,
                None => &words.roles.none,
            };
            let (ws, f) = (&mut *self.ws, &self.f);
            ws.write_number_with_format(r, 0, task.number, &f.number)?;
            for (c, text) in [
                (1, &task.title),
                (2, &leads),
                (3, coordinating),
                (4, &task.timeline_text),
                (5, role),
            ] {
                ws.write_string_with_format(r, c, text, &f.cell)?;
            }
            let lines = (task.title.chars().count() as f64 * 1.1 / 60.0)
                .ceil()
                .max(1.0);
            ws.set_row_height(r, 16.0 * lines + 2.0)?;
            r += 1;
        }
        Ok(r + 1)
    }

    /// 3. The content areas of the plan's section II.
    fn areas(&mut self, r: u32) -> Result<u32, XlsxError> {
        let ctx = self.ctx;
        let plan = ctx.plan;
        let mut r = self.heading(r, &ctx.texts.guide.areas.heading)?;
        for area in &plan.content_areas {
            let (ws, f) = (&mut *self.ws, &self.f);
            ws.write_number_with_format(r, 0, area.number, &f.number)?;
            ws.merge_range(r, 1, r, LAST, &area.title, &f.cell)?;
            let lines = (area.title.chars().count() as f64 * 1.1 / 144.0)
                .ceil()
                .max(1.0);
            ws.set_row_height(r, 16.0 * lines + 2.0)?;
            r += 1;
        }
        Ok(r + 1)
    }

    /// 4. The accepted ways to write a time, with the plan year.
    fn times(&mut self, r: u32) -> Result<u32, XlsxError> {
        let ctx = self.ctx;
        let times = &ctx.texts.guide.times;
        let mut r = self.heading(r, &times.heading)?;
        for form in &times.forms {
            self.bullet(r)?;
            let example = ctx.fill(&form.example);
            let (ws, f) = (&mut *self.ws, &self.f);
            ws.write_string_with_format(r, 1, &form.what, &f.text)?;
            ws.write_string_with_format(r, 2, example, &f.text)?;
            r += 1;
        }
        Ok(r + 1)
    }

    /// 5. The statuses: the vocabulary's labels, as in the drop-down.
    fn statuses(&mut self, r: u32) -> Result<u32, XlsxError> {
        let ctx = self.ctx;
        let mut r = self.heading(r, &ctx.texts.guide.statuses.heading)?;
        for label in super::status_list(ctx.vocabulary) {
            self.bullet(r)?;
            self.ws
                .write_string_with_format(r, 1, label, &self.f.text)?;
            r += 1;
        }
        Ok(r + 1)
    }

    /// 6. The plan's units of measure.
    fn measures(&mut self, r: u32) -> Result<u32, XlsxError> {
        let ctx = self.ctx;
        let r = self.heading(r, &ctx.texts.guide.measures.heading)?;
        self.line(r, 1, &ctx.plan.units_of_measure.join(", "))?;
        Ok(r + 2)
    }

    /// 7. Before sending: check the file, the deadline, where to send it.
    fn send(&mut self, r: u32) -> Result<u32, XlsxError> {
        let ctx = self.ctx;
        let send = &ctx.texts.guide.send;
        let r = self.heading(r, &send.heading)?;
        self.bullet_lines(r, &send.lines)
    }
}
