/// The PEPRules stage. See README for its role.
