/// The PEPPipeline stage. See README for its role.
