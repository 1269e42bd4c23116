// Schema version 6: report-level fields the model has no place for (issue 16). A form prints
// key–value fields beside its grids that no field of the model holds (联系人, 联系电话, 项目负责人,
// 项目属性, an 实施单位 other than the 主管部门 …); the model keeps them in `Report.extra` under
// their printed labels, and this column keeps that map as JSON, NULL where a report has none.
// Analysts read one with json_extract(extra_json, '$.联系人').
//
// The literal SQL this version ran: never edited once released (a change is a new version).
export const V6_SQL = `
ALTER TABLE reports ADD COLUMN extra_json TEXT CHECK (extra_json IS NULL OR json_valid(extra_json));
`;
