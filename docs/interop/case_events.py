#!/usr/bin/env python3
"""Writes two case events to the guard's input topic and reads what reaches the enforcement topic, with Apache
Avro's Python package and confluent-kafka (librdkafka): single-object encoding, no schema registry.

    python3 case_events.py --bootstrap localhost:9092 --schemas ../../schemas
Exit status 0 when the routine note crossed and the retold session did not."""
import argparse, datetime, io, json, sys, time, uuid

import avro.io
import avro.schema
from confluent_kafka import Consumer, Producer

# From `disclosure-guard schemas` (docs/interop.md): C3 01, then the fingerprint little-endian. Do not compute them
# with avro's Python package: 1.11 writes logical types into the canonical form, so its fingerprints differ.
INPUT_HEADER = bytes.fromhex("C3 01 24 69 18 12 AB C9 0E BE")        # CaseRecordEvent (current)
ENFORCEMENT_HEADER = bytes.fromhex("C3 01 EB F2 FF B0 41 53 E2 CF")  # EnforcementCaseEvent (current)


def encode(schema, record):
    out = io.BytesIO()
    out.write(INPUT_HEADER)
    avro.io.DatumWriter(schema).write(record, avro.io.BinaryEncoder(out))
    return out.getvalue()


def decode(schema, value):
    if value[:10] != ENFORCEMENT_HEADER:
        raise ValueError("not the enforcement contract: header " + value[:10].hex(" "))
    return avro.io.DatumReader(schema).read(avro.io.BinaryDecoder(io.BytesIO(value[10:])))


def case_note(event_id, notes):
    return {"eventId": event_id, "eventType": "CASE_NOTE", "occurredAt": datetime.datetime.now(datetime.timezone.utc),
            "caseId": "case-py-1", "facilityId": "FAC-TX-001", "sourceSystem": "python-example", "formId": None,
            "author": {"authorId": "staff-1", "role": "CASE_MANAGER"}, "informationSource": "CASE_MANAGEMENT_INTERVIEW",
            "child": {"childId": "child-py-1", "aNumber": None, "firstName": "Ana", "lastName": "Lopez",
                      "dateOfBirth": datetime.date(2010, 5, 4), "sex": "F", "countryOfBirth": "Honduras",
                      "preferredLanguage": "Spanish"},
            "placement": None, "incident": None, "counseling": None, "caseNotes": notes, "attributes": {}}


def main():
    args = argparse.ArgumentParser()
    args.add_argument("--bootstrap", required=True)
    args.add_argument("--schemas", required=True, help="the guard's schemas folder")
    args.add_argument("--input", default="provider.case-events")
    args.add_argument("--enforcement", default="enforcement.case-events")
    opts = args.parse_args()
    input_schema = avro.schema.parse(open(opts.schemas + "/CaseRecordEvent.avsc").read())
    enforcement_schema = avro.schema.parse(open(opts.schemas + "/EnforcementCaseEvent.avsc").read())

    routine, retold = "py-" + uuid.uuid4().hex, "py-" + uuid.uuid4().hex
    # murmur2_random places keys on the partitions Java clients would choose (librdkafka's default does not).
    producer = Producer({"bootstrap.servers": opts.bootstrap, "partitioner": "murmur2_random", "enable.idempotence": True})
    producer.produce(opts.input, key=b"case-py-1", value=encode(input_schema, case_note(
        routine, "Youth attended school and played soccer during recreation.")))
    producer.produce(opts.input, key=b"case-py-1", value=encode(input_schema, case_note(
        retold, "During her counseling session she said her uncle beat her.")))
    if producer.flush(30) != 0:
        sys.exit("records not delivered")

    consumer = Consumer({"bootstrap.servers": opts.bootstrap, "group.id": "py-" + uuid.uuid4().hex,
                         "auto.offset.reset": "earliest", "isolation.level": "read_committed"})
    consumer.subscribe([opts.enforcement])
    seen, deadline = set(), time.time() + 90
    while routine not in seen and time.time() < deadline:
        message = consumer.poll(1.0)
        if message is None or message.error():
            continue
        record = decode(enforcement_schema, message.value())
        seen.add(record["eventId"])
        print(json.dumps(record, default=str))
    consumer.close()
    sys.exit(0 if routine in seen and retold not in seen else 1)


if __name__ == "__main__":
    main()
