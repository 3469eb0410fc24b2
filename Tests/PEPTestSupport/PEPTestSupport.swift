public enum PEPTestSupport {}
