;;; senshin-lint.el --- senshin-lint through eglot, for report drafts only  -*- lexical-binding: t; -*-
;; Load this file in your init (or copy its forms). When a YAML buffer is a report draft -- it has two of the
;; top-level sections report:, summary:, changes:, history:, costs:, zero_cases:, or a line
;; "# senshin-lint: draft" -- eglot starts `senshin-lint lsp' for that buffer. Other YAML files keep their
;; own server (yaml-language-server, say): the choice is made per buffer, never for the whole major mode.
;; Drafts outside any project are served from their own folder.
;; Settings go in `eglot-workspace-configuration', e.g.
;;   (setq-default eglot-workspace-configuration '(:senshinLint (:language "ja" :inlayHints "differing")))

(require 'seq)
(require 'subr-x)

(defconst senshin-lint-sections
  '("report:" "summary:" "changes:" "history:" "costs:" "zero_cases:")
  "The top-level sections of a draft, as the server recognises them.")

(defun senshin-lint-draft-p ()
  "Whether the current buffer is a report draft, by the server's own rule."
  (save-excursion
    (goto-char (point-min))
    (let ((found 0) (draft nil))
      (while (and (not draft) (not (eobp)))
        (let ((line (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
          (cond ((string= (string-trim-right line) "# senshin-lint: draft") (setq draft t))
                ((seq-some (lambda (s) (string-prefix-p s line)) senshin-lint-sections)
                 (setq found (1+ found))
                 (when (>= found 2) (setq draft t)))))
        (forward-line 1))
      draft)))

(defun senshin-lint-eglot-maybe ()
  "Start eglot with senshin-lint when the buffer is a report draft."
  (when (and (require 'eglot nil t) (senshin-lint-draft-p))
    (setq-local eglot-server-programs
                (cons (cons major-mode '("senshin-lint" "lsp")) eglot-server-programs))
    (eglot-ensure)))

(add-hook 'yaml-mode-hook #'senshin-lint-eglot-maybe)
(add-hook 'yaml-ts-mode-hook #'senshin-lint-eglot-maybe)

(provide 'senshin-lint)
;;; senshin-lint.el ends here
