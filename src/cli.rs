//! The command line: `kpi`, `demo`, `report`, `plan`, … (the binary is a thin wrapper).
