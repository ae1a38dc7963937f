/*
 * SCORM 1.2: reports the course to the learning-management system (LMS) that launched the package. Only
 * the package (`make scorm`) loads this file (hooks/scorm_variant.py). One file, two roles:
 *
 * - launch.html, the one SCO the LMS starts, holds the session: it finds the LMS's API object as the SCORM
 *   1.2 run-time environment specifies (climbing parent frames, then the opener), calls LMSInitialize once,
 *   opens the course in its frame where the learner left it, and when the learner leaves sets the session
 *   time, commits and calls LMSFinish. The course's pages come and go inside that frame (every link is a
 *   page load in this variant), so none of them may start or end the session.
 * - each course page reports: it puts the progress kept in cmi.suspend_data into learn.js, then after every
 *   change of progress (learn.js's mdx:progress-saved) writes status, score and suspend data and commits.
 *
 * Without an LMS, or inside an LMS session nobody opened, nothing changes: the pages work as the offline site.
 */
(function () {
  "use strict";

  var SUSPEND_LIMIT = 4096;  // characters of cmi.suspend_data in SCORM 1.2
  var LOCATION_LIMIT = 255;  // characters of cmi.core.lesson_location
  var MAX_TRIES = 7;         // frames the discovery climbs before giving up, as in ADL's sample code
  var RECORD_VERSION = 1;
  // The statuses this adapter sets, lowest first: it never moves the LMS's record down this list.
  var RANK = ["incomplete", "completed", "failed", "passed"];
  // A page inside the package, as cmi.core.lesson_location keeps it: no scheme, no "..", no leading slash.
  var PACKAGE_PAGE = /^(?:[a-z0-9][a-z0-9_-]*\/)*[a-z0-9][a-z0-9_.-]*\.html$/;

  /* ------------------------------------------------------------------ the LMS's API */

  // SCORM 1.2 RTE 3.3.6.1: from a window up through its parents; a frame of another origin ends the climb.
  var findIn = function (win) {
    var tries = 0;
    try {
      while (!win.API && win.parent && win.parent !== win) {
        tries += 1;
        if (tries > MAX_TRIES) return null;
        win = win.parent;
      }
      return win.API || null;
    } catch (error) {
      return null;
    }
  };

  var findAPI = function () {
    var api = findIn(window);
    if (!api) {
      try { if (window.opener) api = findIn(window.opener); } catch (error) { api = null; }
    }
    return api && typeof api.LMSInitialize === "function" ? api : null;
  };

  var get = function (api, name) { return String(api.LMSGetValue(name)); };
  var set = function (api, name, value) { return String(api.LMSSetValue(name, String(value))) === "true"; };

  // Open when reading a value raises no error (an LMS answers 301 "not initialized" before LMSInitialize).
  var sessionOpen = function (api) {
    api.LMSGetValue("cmi.core.lesson_status");
    return String(api.LMSGetLastError()) === "0";
  };

  /* ------------------------------------------------------------------ values */

  var pad = function (n, width) {
    var text = String(n);
    while (text.length < width) text = "0" + text;
    return text;
  };

  // CMITimespan: HHHH:MM:SS.SS (hours at most 9999).
  var timespan = function (ms) {
    var centis = Math.max(0, Math.round(ms / 10));
    if (centis >= 10000 * 360000) return "9999:59:59.99";
    return pad(Math.floor(centis / 360000), 4) + ":" + pad(Math.floor(centis / 6000) % 60, 2) + ":" +
      pad(Math.floor(centis / 100) % 60, 2) + "." + pad(centis % 100, 2);
  };

  // learn.js's progress in few characters: {"v":1,"m":{module:date},"q":{quiz:[best,attempts,passed,date]},
  // "e":[score,date,paper,name,[module titles]]}, the last only once the final exam is passed (the completion
  // record must come back on another computer, not only the status).
  // Dates go first when the record would pass SCORM 1.2's limit; null when even that does not fit (the
  // LMS then keeps its last copy rather than a cut one).
  var encode = function (progress) {
    var pack = function (withDates) {
      var record = { v: RECORD_VERSION, m: {}, q: {} };
      Object.keys(progress.modules).forEach(function (id) {
        record.m[id] = withDates ? progress.modules[id].at : "";
      });
      Object.keys(progress.quizzes).forEach(function (id) {
        var q = progress.quizzes[id];
        record.q[id] = [q.best, q.attempts, q.passed ? 1 : 0].concat(withDates ? [q.last] : []);
      });
      var exam = progress.exam;
      if (exam) record.e = [exam.score, exam.date, exam.paper, exam.name, exam.modules];
      return JSON.stringify(record);
    };
    var text = pack(true);
    if (text.length > SUSPEND_LIMIT) text = pack(false);
    return text.length > SUSPEND_LIMIT ? null : text;
  };

  var number = function (value) { return typeof value === "number" && isFinite(value) ? value : null; };

  // The suspend data back as learn.js's progress; null for anything this adapter did not write.
  var decode = function (text) {
    var record;
    try { record = JSON.parse(text); } catch (error) { return null; }
    if (!record || record.v !== RECORD_VERSION || typeof record.m !== "object" || typeof record.q !== "object") return null;
    var progress = { modules: {}, quizzes: {} };
    Object.keys(record.m || {}).forEach(function (id) {
      progress.modules[id] = { done: true, at: String(record.m[id] || "") };
    });
    Object.keys(record.q || {}).forEach(function (id) {
      var q = record.q[id];
      if (Array.isArray(q) && number(q[0]) !== null && number(q[1]) !== null) {
        progress.quizzes[id] = { best: q[0], attempts: q[1], passed: q[2] === 1, last: String(q[3] || "") };
      }
    });
    var exam = record.e;
    if (Array.isArray(exam) && number(exam[0]) !== null) {
      progress.exam = { score: exam[0], date: String(exam[1] || ""), paper: String(exam[2] || ""),
        name: String(exam[3] || ""), modules: Array.isArray(exam[4]) ? exam[4].map(String) : [] };
    }
    return progress;
  };

  // Status and score the LMS records: the final exam's when it has been taken (passed or failed, its best
  // score); before that completed once every module is marked done, else incomplete, with the modules'
  // average best quiz score (a module without a result counts 0). Score null: nothing graded yet.
  var standing = function (progress, modules, examId) {
    var exam = progress.quizzes[examId];
    if (exam) return { status: exam.passed ? "passed" : "failed", score: exam.best };
    var total = 0;
    var done = 0;
    modules.forEach(function (id) {
      if (progress.quizzes[id]) total += progress.quizzes[id].best;
      if (progress.modules[id]) done += 1;
    });
    return {
      status: modules.length && done === modules.length ? "completed" : "incomplete",
      score: Object.keys(progress.quizzes).length && modules.length ? Math.round(total / modules.length) : null
    };
  };

  /* ------------------------------------------------------------------ launch.html: the session */

  // An LMS that throws instead of answering with an error code must not keep the course from opening.
  var attempt = function (work) {
    try { return work(); } catch (error) { return null; }
  };

  var holdSession = function (frame) {
    var start = frame.getAttribute("data-scorm-start") || "index.html";
    var api = findAPI();
    if (api && attempt(function () { return String(api.LMSInitialize("")) === "true"; })) attempt(function () {
      var began = new Date().getTime();
      var status = get(api, "cmi.core.lesson_status");
      if (status === "" || status === "not attempted") set(api, "cmi.core.lesson_status", "incomplete");
      api.LMSCommit("");
      var left = get(api, "cmi.core.lesson_location");
      if (PACKAGE_PAGE.test(left)) start = left;
      var finished = false;
      window.addEventListener("pagehide", function () {
        if (finished) return;
        finished = true;
        attempt(function () {
          set(api, "cmi.core.session_time", timespan(new Date().getTime() - began));
          // Kept for the next launch: SCORM 1.2 LMSs may drop suspend data after any other exit.
          set(api, "cmi.core.exit", "suspend");
          api.LMSCommit("");
          api.LMSFinish("");
        });
      });
    });
    frame.src = start;
  };

  /* ------------------------------------------------------------------ course pages: the record */

  var courseOfPage = function () {
    var block = document.getElementById("__mdx_scorm");
    try { return block ? JSON.parse(block.textContent) : null; } catch (error) { return null; }
  };

  var report = function (api, course) {
    var progress = window.mdxLearn.progress();
    var now = standing(progress, course.modules || [], window.mdxContract().examQuizId);
    if (RANK.indexOf(now.status) > RANK.indexOf(get(api, "cmi.core.lesson_status"))) {
      set(api, "cmi.core.lesson_status", now.status);
    }
    if (now.score !== null) {
      set(api, "cmi.core.score.min", 0);
      set(api, "cmi.core.score.max", 100);
      set(api, "cmi.core.score.raw", now.score);
    }
    var suspend = encode(progress);
    if (suspend !== null) set(api, "cmi.suspend_data", suspend);
    api.LMSCommit("");
  };

  var keepRecord = function (course) {
    var api = findAPI();
    if (!api || !window.mdxLearn || !window.mdxLearn.adopt || !attempt(function () { return sessionOpen(api); })) return;
    var stored = attempt(function () { return get(api, "cmi.suspend_data"); });
    if (stored === null) return;
    // The LMS's record is the learner's: it replaces whatever this browser holds (maybe someone else's).
    window.mdxLearn.adopt(decode(stored) || { modules: {}, quizzes: {} });
    attempt(function () {
      if (PACKAGE_PAGE.test(course.page || "") && course.page.length <= LOCATION_LIMIT) {
        set(api, "cmi.core.lesson_location", course.page);
      }
      report(api, course);
    });
    document.addEventListener("mdx:progress-saved", function () { attempt(function () { report(api, course); }); });
  };

  /* ------------------------------------------------------------------ start */

  // Once per page load: this variant has no instant navigation, and the record outlives document$ anyway.
  var frame = document.getElementById("mdx-scorm-course");
  var course = courseOfPage();
  if (frame) holdSession(frame);
  else if (course) keepRecord(course);

  window.mdxScorm = { findAPI: findAPI, timespan: timespan, encode: encode, decode: decode, standing: standing };
})();
