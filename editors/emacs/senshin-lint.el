;;; senshin-lint.el --- senshin-lint through eglot  -*- lexical-binding: t; -*-
;; Load this file (or copy the form) in your init: eglot then starts `senshin-lint lsp' for YAML buffers.
;; The server reports only on report drafts. Settings go in `eglot-workspace-configuration', e.g.
;;   (setq-default eglot-workspace-configuration '(:senshinLint (:language "ja" :inlayHints "differing")))
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((yaml-mode yaml-ts-mode) . ("senshin-lint" "lsp"))))
(provide 'senshin-lint)
;;; senshin-lint.el ends here
