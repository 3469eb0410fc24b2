/// The PEPIntake stage. See README for its role.
