//! Finding the table in a grid: the title block (unit, report date), the header row
//! (one or two rows, labels matched loosely), the data rows (group, total, blank and
//! signature rows handled) and the unit's remarks below the table.
