/* SCORM 1.2 adapter, loaded only by the SCORM package (hooks/scorm_variant.py): written in the next commit. */
(function () { "use strict"; })();
