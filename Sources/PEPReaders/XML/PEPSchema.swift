/// The PEP XML schema (version 1), compiled into the binary so that validation never reads a
/// file at run time. The published copy is `docs/schema/pep-1.xsd`; a test keeps the two equal
/// byte for byte, so edit both together.
enum PEPSchema {
    /// The XSD text.
    static let xsd = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!--
  pepqa: the XML form of a Personal Education Plan, schema version 1.

  Root: <pep xmlns="urn:virtual-school:pep:1" schema-version="1">. Element names are the
  contract's dot-paths in snake_case, one element per path component (child.send.status is
  <child><send><status>). List items repeat inside their list element. Scalars sit in xs:all,
  so their order is free; every element is optional, and an empty element means: not given.

  List items: this schema names them as pepqa writes them (attendee, assessment, target,
  request). pepqa READS any repeated child element of a list element as one item, whatever
  its name (<item>, <target>, a vendor's own word), and checks its fields against the item
  type here: the contract fixes no item name.

  The structure is strict (unknown elements and attributes are refused). Values are lenient
  (all strings): pepqa reads every spelling the contract allows and reports values it cannot
  read as findings, not as schema errors.

  This file is embedded in pepqa (Sources/PEPReaders/XML/PEPSchema.swift); a test keeps the
  two byte-for-byte equal.
-->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:pep="urn:virtual-school:pep:1"
           targetNamespace="urn:virtual-school:pep:1"
           elementFormDefault="qualified"
           attributeFormDefault="unqualified">

  <xs:element name="pep">
    <xs:complexType>
      <xs:all>
        <xs:element name="pep" type="pep:PlanInfo" minOccurs="0"/>
        <xs:element name="child" type="pep:Child" minOccurs="0"/>
        <xs:element name="school" type="pep:School" minOccurs="0"/>
        <xs:element name="social_worker" type="pep:Contact" minOccurs="0"/>
        <xs:element name="meeting" type="pep:Meeting" minOccurs="0"/>
        <xs:element name="attendance" type="pep:Attendance" minOccurs="0"/>
        <xs:element name="exclusions" type="pep:Exclusions" minOccurs="0"/>
        <xs:element name="wellbeing" type="pep:Wellbeing" minOccurs="0"/>
        <xs:element name="attainment" type="pep:Attainment" minOccurs="0"/>
        <xs:element name="previous_targets" type="pep:PreviousTargets" minOccurs="0"/>
        <xs:element name="targets" type="pep:Targets" minOccurs="0"/>
        <xs:element name="child_voice" type="pep:Text" minOccurs="0"/>
        <xs:element name="carer_views" type="pep:Text" minOccurs="0"/>
        <xs:element name="boxall" type="pep:Boxall" minOccurs="0"/>
        <xs:element name="ppplus" type="pep:PPPlus" minOccurs="0"/>
        <xs:element name="transition" type="pep:Transition" minOccurs="0"/>
        <xs:element name="careers" type="pep:Careers" minOccurs="0"/>
        <xs:element name="sign_off" type="pep:SignOff" minOccurs="0"/>
      </xs:all>
      <xs:attribute name="schema-version" type="xs:string" use="required" fixed="1"/>
    </xs:complexType>
  </xs:element>

  <xs:complexType name="PlanInfo">
    <xs:all>
      <xs:element name="type" type="pep:Choice" minOccurs="0">
        <xs:annotation><xs:documentation>pep.type: initial | review</xs:documentation></xs:annotation>
      </xs:element>
      <xs:element name="term" type="pep:Choice" minOccurs="0">
        <xs:annotation><xs:documentation>pep.term: autumn | spring | summer</xs:documentation></xs:annotation>
      </xs:element>
      <xs:element name="academic_year" type="pep:Text" minOccurs="0">
        <xs:annotation><xs:documentation>pep.academic_year, e.g. 2025/26</xs:documentation></xs:annotation>
      </xs:element>
    </xs:all>
  </xs:complexType>

  <xs:complexType name="Child">
    <xs:all>
      <xs:element name="la_id" type="pep:Text" minOccurs="0"/>
      <xs:element name="upn" type="pep:Text" minOccurs="0">
        <xs:annotation><xs:documentation>child.upn: 13 characters, check letter first</xs:documentation></xs:annotation>
      </xs:element>
      <xs:element name="first_name" type="pep:Text" minOccurs="0"/>
      <xs:element name="last_name" type="pep:Text" minOccurs="0"/>
      <xs:element name="date_of_birth" type="pep:Date" minOccurs="0"/>
      <xs:element name="year_group" type="pep:Choice" minOccurs="0">
        <xs:annotation><xs:documentation>child.year_group: N1 | N2 | R | 1 ... 14</xs:documentation></xs:annotation>
      </xs:element>
      <xs:element name="care_start_date" type="pep:Date" minOccurs="0"/>
      <xs:element name="legal_status" type="pep:Choice" minOccurs="0">
        <xs:annotation><xs:documentation>child.legal_status: SSDA903 code (C1, C2, ... V4)</xs:documentation></xs:annotation>
      </xs:element>
      <xs:element name="send" type="pep:SEND" minOccurs="0"/>
    </xs:all>
  </xs:complexType>

  <xs:complexType name="SEND">
    <xs:all>
      <xs:element name="status" type="pep:Choice" minOccurs="0">
        <xs:annotation><xs:documentation>child.send.status: none | sen-support | ehcp</xs:documentation></xs:annotation>
      </xs:element>
      <xs:element name="primary_need" type="pep:Text" minOccurs="0"/>
      <xs:element name="ehcp_review_date" type="pep:Date" minOccurs="0"/>
    </xs:all>
  </xs:complexType>

  <xs:complexType name="School">
    <xs:all>
      <xs:element name="urn" type="pep:Text" minOccurs="0">
        <xs:annotation><xs:documentation>school.urn: 6 digits</xs:documentation></xs:annotation>
      </xs:element>
      <xs:element name="name" type="pep:Text" minOccurs="0"/>
      <xs:element name="designated_teacher" type="pep:Contact" minOccurs="0"/>
    </xs:all>
  </xs:complexType>

  <xs:complexType name="Contact">
    <xs:all>
      <xs:element name="name" type="pep:Text" minOccurs="0"/>
      <xs:element name="email" type="pep:Text" minOccurs="0"/>
    </xs:all>
  </xs:complexType>

  <xs:complexType name="Meeting">
    <xs:all>
      <xs:element name="date" type="pep:Date" minOccurs="0"/>
      <xs:element name="next_date" type="pep:Date" minOccurs="0"/>
      <xs:element name="child_attended" type="pep:YesNo" minOccurs="0"/>
      <xs:element name="child_absence_reason" type="pep:Text" minOccurs="0"/>
      <xs:element name="attendees" type="pep:Attendees" minOccurs="0"/>
    </xs:all>
  </xs:complexType>

  <xs:complexType name="Attendance">
    <xs:all>
      <xs:element name="percentage" type="pep:Decimal" minOccurs="0">
        <xs:annotation><xs:documentation>attendance.percentage: 0 to 100</xs:documentation></xs:annotation>
      </xs:element>
    </xs:all>
  </xs:complexType>

  <xs:complexType name="Exclusions">
    <xs:all>
      <xs:element name="suspension_days" type="pep:Decimal" minOccurs="0"/>
      <xs:element name="permanent" type="pep:YesNo" minOccurs="0"/>
    </xs:all>
  </xs:complexType>

  <xs:complexType name="Wellbeing">
    <xs:all>
      <xs:element name="sdq_score" type="pep:Integer" minOccurs="0">
        <xs:annotation><xs:documentation>wellbeing.sdq_score: 0 to 40</xs:documentation></xs:annotation>
      </xs:element>
    </xs:all>
  </xs:complexType>

  <xs:complexType name="Boxall">
    <xs:all>
      <xs:element name="completed_on" type="pep:Date" minOccurs="0"/>
      <xs:element name="attached" type="pep:YesNo" minOccurs="0"/>
    </xs:all>
  </xs:complexType>

  <xs:complexType name="PPPlus">
    <xs:all>
      <xs:element name="requests" type="pep:Requests" minOccurs="0"/>
      <xs:element name="previous_impact" type="pep:Text" minOccurs="0"/>
    </xs:all>
  </xs:complexType>

  <xs:complexType name="Transition">
    <xs:all>
      <xs:element name="plan" type="pep:Text" minOccurs="0"/>
    </xs:all>
  </xs:complexType>

  <xs:complexType name="Careers">
    <xs:all>
      <xs:element name="guidance" type="pep:Text" minOccurs="0"/>
    </xs:all>
  </xs:complexType>

  <xs:complexType name="SignOff">
    <xs:all>
      <xs:element name="designated_teacher" type="pep:Signature" minOccurs="0"/>
      <xs:element name="confirmed" type="pep:YesNo" minOccurs="0"/>
    </xs:all>
  </xs:complexType>

  <xs:complexType name="Signature">
    <xs:all>
      <xs:element name="name" type="pep:Text" minOccurs="0"/>
      <xs:element name="date" type="pep:Date" minOccurs="0"/>
    </xs:all>
  </xs:complexType>

  <xs:complexType name="Attendee">
    <xs:all>
      <xs:element name="name" type="pep:Text" minOccurs="0"/>
      <xs:element name="role" type="pep:Text" minOccurs="0"/>
    </xs:all>
  </xs:complexType>

  <xs:complexType name="Assessment">
    <xs:all>
      <xs:element name="subject" type="pep:Text" minOccurs="0"/>
      <xs:element name="current" type="pep:Text" minOccurs="0"/>
      <xs:element name="target" type="pep:Text" minOccurs="0"/>
      <xs:element name="progress" type="pep:Choice" minOccurs="0">
        <xs:annotation><xs:documentation>attainment[].progress: above | expected | below</xs:documentation></xs:annotation>
      </xs:element>
    </xs:all>
  </xs:complexType>

  <xs:complexType name="PreviousTarget">
    <xs:all>
      <xs:element name="description" type="pep:Text" minOccurs="0"/>
      <xs:element name="outcome" type="pep:Choice" minOccurs="0">
        <xs:annotation><xs:documentation>previous_targets[].outcome: achieved | partly | not-achieved</xs:documentation></xs:annotation>
      </xs:element>
      <xs:element name="comment" type="pep:Text" minOccurs="0"/>
    </xs:all>
  </xs:complexType>

  <xs:complexType name="Target">
    <xs:all>
      <xs:element name="area" type="pep:Text" minOccurs="0"/>
      <xs:element name="description" type="pep:Text" minOccurs="0"/>
      <xs:element name="success_criteria" type="pep:Text" minOccurs="0"/>
      <xs:element name="actions" type="pep:Text" minOccurs="0"/>
      <xs:element name="owner" type="pep:Text" minOccurs="0"/>
      <xs:element name="frequency" type="pep:Text" minOccurs="0"/>
      <xs:element name="review_date" type="pep:Date" minOccurs="0"/>
    </xs:all>
  </xs:complexType>

  <xs:complexType name="Request">
    <xs:all>
      <xs:element name="intervention" type="pep:Text" minOccurs="0"/>
      <xs:element name="target_ref" type="pep:Text" minOccurs="0"/>
      <xs:element name="amount" type="pep:Money" minOccurs="0"/>
      <xs:element name="intended_impact" type="pep:Text" minOccurs="0"/>
      <xs:element name="provider" type="pep:Text" minOccurs="0"/>
    </xs:all>
  </xs:complexType>

  <xs:complexType name="Attendees">
    <xs:annotation><xs:documentation>meeting.attendees[]: one attendee element per person</xs:documentation></xs:annotation>
    <xs:sequence>
      <xs:element name="attendee" type="pep:Attendee" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="Attainment">
    <xs:annotation><xs:documentation>attainment[]: one assessment element per subject</xs:documentation></xs:annotation>
    <xs:sequence>
      <xs:element name="assessment" type="pep:Assessment" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="PreviousTargets">
    <xs:annotation><xs:documentation>previous_targets[]: one target element per target reviewed</xs:documentation></xs:annotation>
    <xs:sequence>
      <xs:element name="target" type="pep:PreviousTarget" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="Targets">
    <xs:annotation><xs:documentation>targets[]: one target element per target</xs:documentation></xs:annotation>
    <xs:sequence>
      <xs:element name="target" type="pep:Target" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="Requests">
    <xs:annotation><xs:documentation>ppplus.requests[]: one request element per PP+ request</xs:documentation></xs:annotation>
    <xs:sequence>
      <xs:element name="request" type="pep:Request" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <xs:simpleType name="Text">
    <xs:annotation><xs:documentation>Free text. An empty element means: not given.</xs:documentation></xs:annotation>
    <xs:restriction base="xs:string"/>
  </xs:simpleType>

  <xs:simpleType name="Date">
    <xs:annotation><xs:documentation>A calendar date: ISO YYYY-MM-DD preferred; the day-first spellings of the contract (07/11/2025, 7 November 2025) are also read.</xs:documentation></xs:annotation>
    <xs:restriction base="xs:string"/>
  </xs:simpleType>

  <xs:simpleType name="Integer">
    <xs:annotation><xs:documentation>A whole number.</xs:documentation></xs:annotation>
    <xs:restriction base="xs:string"/>
  </xs:simpleType>

  <xs:simpleType name="Decimal">
    <xs:annotation><xs:documentation>A decimal number with a point (92.5).</xs:documentation></xs:annotation>
    <xs:restriction base="xs:string"/>
  </xs:simpleType>

  <xs:simpleType name="Money">
    <xs:annotation><xs:documentation>Pounds: 1250.00 preferred; 1250, £1,250.00 and 600.00 GBP are also read.</xs:documentation></xs:annotation>
    <xs:restriction base="xs:string"/>
  </xs:simpleType>

  <xs:simpleType name="YesNo">
    <xs:annotation><xs:documentation>A yes/no answer: true/false preferred; Yes/No and Y/N are also read.</xs:documentation></xs:annotation>
    <xs:restriction base="xs:string"/>
  </xs:simpleType>

  <xs:simpleType name="Choice">
    <xs:annotation><xs:documentation>One of the values the contract lists for the field (canonical spelling preferred).</xs:documentation></xs:annotation>
    <xs:restriction base="xs:string"/>
  </xs:simpleType>
</xs:schema>

"""#
}
