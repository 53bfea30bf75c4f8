import CKBModel

extension SyntaxModel {
    /// The model compiled into kb (Models/en_ewt.kbsyntax), read once on first use.
    public static let builtIn: Result<SyntaxModel, KBError> = {
        guard kb_syntax_model_size > 0 else {
            return .failure(.badModel(reason: "this kb was built without one (Models/en_ewt.kbsyntax was empty)"))
        }
        let bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(kb_syntax_model_ptr()), count: kb_syntax_model_size)
        do { return .success(try SyntaxModel(bytes: bytes)) } catch let e as KBError { return .failure(e) } catch {
            return .failure(.badModel(reason: "\(error)"))
        }
    }()
}
