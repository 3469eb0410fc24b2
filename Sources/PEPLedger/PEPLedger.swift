/// The PEPLedger stage. See README for its role.
