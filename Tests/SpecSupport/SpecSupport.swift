// SpecSupport
