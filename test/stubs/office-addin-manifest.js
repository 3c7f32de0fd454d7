// office-addin-mock requires office-addin-manifest, whose ESM-only dependency chain Jest's CJS runtime
// cannot load; the mock only needs this enum from it.
exports.OfficeApp = { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" };
