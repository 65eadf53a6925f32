import FaguTesting

/// The shared test district (FaguTesting).
typealias District = TestDistrict
