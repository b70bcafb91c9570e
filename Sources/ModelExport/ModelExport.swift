// Module ModelExport.
