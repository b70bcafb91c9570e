// Module ReportSite.
