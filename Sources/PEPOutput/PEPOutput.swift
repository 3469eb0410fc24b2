/// The PEPOutput stage. See README for its role.
