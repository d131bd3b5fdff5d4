#!/usr/bin/env python3
"""Prints every failed test of the given .trx files with the head of its message and stack trace.

The test command prints this last, so a CI log that keeps only its tail still names what failed and why."""
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
count = 0
for path in sys.argv[1:]:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as error:
        print(f"(could not read {path}: {error})")
        continue
    for result in root.iterfind(".//t:Results/t:UnitTestResult", NS):
        if result.get("outcome") != "Failed":
            continue
        count += 1
        print(f"FAILED {result.get('testName')} after {result.get('duration')}")
        message = result.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=NS).strip()
        trace = result.findtext("t:Output/t:ErrorInfo/t:StackTrace", default="", namespaces=NS).strip()
        for line in message.splitlines()[:25]:
            print(f"    {line[:400]}")
        for line in [l for l in trace.splitlines() if "RpaOrleans" in l][:8]:
            print(f"    {line.strip()[:300]}")
if count:
    print(f"{count} failed test(s) listed above.")
